package org.partyline.internal.invite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of an invitation: a GET of the invite route carrying its ticket's token, sent asynchronously, so a
 * servlet that never answers holds no thread, and with a deadline of its own, so no servlet waits for another.
 */
final class InviteExchange {

	/** How long after the request's own timeout the exchange is given up regardless, as a backstop. */
	private static final long BACKSTOP_MILLIS = 1000;

	private final HttpClient client;

	InviteExchange(Executor executor, Duration connectTimeout) {
		this.client = HttpClient.newBuilder()
				.executor(executor)
				.version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(connectTimeout)
				.build();
	}

	/**
	 * @return the status the servlet answered with; completes exceptionally when it could not be reached or did not
	 *         answer within {@code limit}
	 */
	CompletableFuture<Integer> send(URI uri, Ticket ticket, Duration limit) {
		HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(limit)
				.header(Tickets.TOKEN_HEADER, ticket.tokenText())
				.GET()
				.build();
		return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.orTimeout(limit.toMillis() + BACKSTOP_MILLIS, TimeUnit.MILLISECONDS)
				.thenApply(HttpResponse::statusCode);
	}
}
