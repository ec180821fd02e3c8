package org.partyline.itest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.osgi.framework.ServiceRegistration;
import org.partyline.api.Invitation;

/**
 * Requests fired at a servlet from the moment it is registered, by several threads in a loop, each answer tallied
 * (the page's text, or the status when not 200); and extra requests fired while its invitation is held.
 */
public final class RacingRequests implements AutoCloseable {

	/** How long requests must stay unanswered to count as held. */
	public static final Duration HELD_FOR = Duration.ofMillis(300);

	/** Requests in the air at once while racing, about as many as a small thread pool serves. */
	private static final int RACERS = 8;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final URI page;
	private final Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();
	private final AtomicBoolean racing = new AtomicBoolean(true);
	private final List<CompletableFuture<Void>> racers = new ArrayList<>();

	public RacingRequests(String endpoint, String path) {
		this.page = URI.create(endpoint + path);
	}

	/** Starts the racers; each sends its next request as soon as its last one is answered. */
	public RacingRequests start() {
		for (int i = 0; i < RACERS; i++) {
			racers.add(race());
		}
		return this;
	}

	private CompletableFuture<Void> race() {
		return send().thenCompose(answer -> {
			tally.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
			return racing.get() ? race() : CompletableFuture.completedFuture(null);
		});
	}

	/** One request, answered with the page's text, or its status when not 200, or the failure's name. */
	public CompletableFuture<String> send() {
		HttpRequest request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(20)).GET().build();
		return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.thenApply(response -> response.statusCode() == 200 ? response.body()
						: String.valueOf(response.statusCode()))
				.exceptionally(failure -> failure.getClass().getSimpleName());
	}

	/** Asserts that none of these requests is answered within that time: the partyline is holding them. */
	public static void assertHeld(List<CompletableFuture<String>> requests, Duration during) {
		CompletableFuture<Object> first = CompletableFuture.anyOf(requests.toArray(CompletableFuture[]::new));
		assertThrows(TimeoutException.class, () -> first.get(during.toMillis(), TimeUnit.MILLISECONDS),
				() -> "a request was answered while its servlet's invitation was unanswered: " + first.getNow(null));
	}

	/** Fires that many requests at once. */
	public List<CompletableFuture<String>> fire(int count) {
		List<CompletableFuture<String>> fired = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			fired.add(send());
		}
		return fired;
	}

	/** Stops the racers and returns the tally of every answer they had. */
	public Map<String, Integer> stop() {
		racing.set(false);
		CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		tally.forEach((answer, count) -> counts.put(answer, count.get()));
		return counts;
	}

	/** Every one of those requests' answers, waited for. */
	public static List<String> answers(List<CompletableFuture<String>> requests) {
		return requests.stream().map(r -> r.orTimeout(30, TimeUnit.SECONDS).join()).toList();
	}

	/** Asserts that every answer is the one expected, or a 404 from before the servlet was deployed. */
	public static void assertOnly(String expected, Map<String, Integer> tally, Function<String, String> explain) {
		Map<String, Integer> others = new ConcurrentHashMap<>(tally);
		others.remove(expected);
		others.remove("404");
		assertEquals(Map.of(), others, explain.apply(expected));
		assertTrue(tally.getOrDefault(expected, 0) > 0, () -> "no request was answered " + expected + ": " + tally);
	}

	/**
	 * The race: racers fire requests from before the registration on; once the invitation reached the servlet, more
	 * requests stay unanswered until it is answered; then every answer any request had is the joined servlet's (or a
	 * 404 from before it was deployed), and it was invited once.
	 *
	 * @param register registers a servlet at {@code /race/*} doing what the invitation says
	 */
	public static void assertServedOnlyOnceJoined(Web web, Function<HeldInvitation, ServiceRegistration<?>> register) {
		HeldInvitation invitation = new HeldInvitation();
		try (RacingRequests racing = new RacingRequests(web.endpoint(), "/race/page").start()) {
			ServiceRegistration<?> servlet = register.apply(invitation);
			invitation.awaitInvitations(1);
			List<CompletableFuture<String>> meanwhile = racing.fire(10);
			assertHeld(meanwhile, HELD_FOR);

			invitation.letItAnswer();

			assertEquals(Collections.nCopies(10, HeldInvitation.INVITED), answers(meanwhile));
			assertOnly(HeldInvitation.INVITED, racing.stop(),
					expected -> "every request reaching the servlet is served " + expected);
			assertEquals(Invitation.JOINED, web.ended(servlet).outcome());
			assertEquals(1, invitation.invitations(), "invited once");
		} finally {
			invitation.letItAnswer();
		}
	}

	@Override
	public void close() {
		racing.set(false);
	}
}
