package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Asks for some pages every 20 ms from the moment a server's process starts, without waiting for it to say it is
 * serving, until each page has answered 200 once; keeps every response (a refused connection is none). Each page is
 * polled as a browser reloading it would: its next request 20 ms after the answer to the last.
 */
final class FirstResponses {

	static final Duration EVERY = Duration.ofMillis(20);

	/** One response: the page, when it came (from the start), its status and body. */
	record Response(String page, long millis, int status, String body) {
		@Override
		public String toString() {
			return page + " after " + millis + " ms: " + status + (status == 200 ? "" : " " + body);
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private final URI endpoint;
	private final Map<String, UnaryOperator<HttpRequest.Builder>> pages;
	private final long startedNanos;
	private final List<Response> responses = new CopyOnWriteArrayList<>();
	private final Map<String, Response> firstOk = new ConcurrentHashMap<>();
	private final CountDownLatch everyPageOk;

	/**
	 * @param pages each page's path, with what its request needs besides (a login, say)
	 * @param startedNanos when the process was started, by {@link System#nanoTime()}
	 */
	private FirstResponses(URI endpoint, Map<String, UnaryOperator<HttpRequest.Builder>> pages, long startedNanos) {
		this.endpoint = endpoint;
		this.pages = new LinkedHashMap<>(pages);
		this.startedNanos = startedNanos;
		this.everyPageOk = new CountDownLatch(pages.size());
	}

	/** Polls until every page has answered 200 or {@code limit} has passed. */
	static FirstResponses poll(URI endpoint, Map<String, UnaryOperator<HttpRequest.Builder>> pages, long startedNanos,
			Duration limit) throws InterruptedException {
		FirstResponses polling = new FirstResponses(endpoint, pages, startedNanos);
		ScheduledExecutorService pollers = Executors.newScheduledThreadPool(pages.size());
		try {
			pages.forEach((page, besides) -> pollers.scheduleWithFixedDelay(() -> polling.ask(page, besides), 0,
					EVERY.toMillis(), TimeUnit.MILLISECONDS));
			polling.everyPageOk.await(limit.toMillis(), TimeUnit.MILLISECONDS);
		} finally {
			pollers.shutdownNow();
			pollers.awaitTermination(5, TimeUnit.SECONDS);
		}
		return polling;
	}

	private void ask(String page, UnaryOperator<HttpRequest.Builder> besides) {
		if (firstOk.containsKey(page)) {
			return;
		}
		HttpRequest request = besides.apply(HttpRequest.newBuilder(endpoint.resolve(page))
				.timeout(Duration.ofSeconds(30))).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
			Response got = new Response(page, sinceStart(), response.statusCode(), response.body());
			responses.add(got);
			if (got.status() == 200 && firstOk.putIfAbsent(page, got) == null) {
				everyPageOk.countDown();
			}
		} catch (IOException notListeningYet) {
			// no response: the port is not open yet
		} catch (InterruptedException done) {
			Thread.currentThread().interrupt();
		}
	}

	private long sinceStart() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
	}

	/** Every response, in the order they came. */
	List<Response> all() {
		List<Response> all = new ArrayList<>(responses);
		all.sort((a, b) -> Long.compare(a.millis(), b.millis()));
		return all;
	}

	/** The first 200 of the page, or {@code null} if it never answered 200. */
	Response firstOk(String page) {
		return firstOk.get(page);
	}

	/** When the first response of any kind came, in milliseconds from the start; -1 if none did. */
	long firstResponseMillis() {
		return all().stream().mapToLong(Response::millis).findFirst().orElse(-1);
	}
}
