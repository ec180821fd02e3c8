package org.partyline.karaf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Requests racing for one page: several in the air at once, each followed by the next as soon as it is answered,
 * every answer tallied (the page's text, its status when not 200, or the failure's name); and single requests. A
 * racer that got no answer (the port is not open yet) tries again 10 ms later, so it does not spin.
 */
final class RacingRequests implements AutoCloseable {

	/** Longer than any request may be held (the invite timeout): a request unanswered after it is a failure. */
	private static final Duration REQUEST = Duration.ofSeconds(15);

	/** What a tallied failure begins with: no HTTP answer at all (the name of the failure follows). */
	static final String NO_ANSWER = "no answer: ";
	private static final Executor AFTER_NO_ANSWER = CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS);

	private final HttpClient http;
	private final URI page;
	private final Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();
	private final AtomicBoolean racing = new AtomicBoolean(true);
	private final List<CompletableFuture<Void>> racers;

	private RacingRequests(HttpClient http, URI page, int racers) {
		this.http = http;
		this.page = page;
		this.racers = IntStream.range(0, racers).mapToObj(i -> race()).toList();
	}

	/** Starts that many racers at the page. */
	static RacingRequests start(HttpClient http, URI page, int racers) {
		return new RacingRequests(http, page, racers);
	}

	private CompletableFuture<Void> race() {
		return send().thenCompose(answer -> {
			tally.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
			if (!racing.get()) {
				return CompletableFuture.completedFuture(null);
			}
			return answer.startsWith(NO_ANSWER)
					? CompletableFuture.runAsync(() -> { }, AFTER_NO_ANSWER).thenCompose(nothing -> race())
					: race();
		});
	}

	/** One request at the page, besides the racers'. */
	CompletableFuture<String> send() {
		HttpRequest request = HttpRequest.newBuilder(page).timeout(REQUEST).build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(UTF_8))
				.thenApply(RacingRequests::answer)
				.exceptionally(failure -> NO_ANSWER + rootCause(failure).getClass().getSimpleName());
	}

	/** The page when 200; else the status, and for a server error the start of its body, to say whose error. */
	private static String answer(HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 200) {
			return response.body();
		}
		if (status < 500) {
			return "" + status;
		}
		String body = response.body().strip().replaceAll("\\s+", " ");
		return status + " " + body.substring(0, Math.min(body.length(), 300));
	}

	private static Throwable rootCause(Throwable failure) {
		return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
	}

	/** The racers' answers so far, by how often each came. */
	Map<String, Integer> tally() {
		Map<String, Integer> counts = new TreeMap<>();
		tally.forEach((answer, count) -> counts.put(answer, count.get()));
		return counts;
	}

	/** Stops the racers and returns the tally of all their answers, their last ones included. */
	Map<String, Integer> stop() {
		racing.set(false);
		CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new))
				.orTimeout(REQUEST.toSeconds() * 2, TimeUnit.SECONDS).join();
		return tally();
	}

	@Override
	public void close() {
		racing.set(false);
	}
}
