package org.partyline.internal.node;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.partyline.api.RecursionTooDeep;
import org.partyline.internal.ask.Asks;

/**
 * The object a node exports: it answers its peers' hellos and asks. Public, with no public method but the
 * interface's (the partyline's transport invokes only those).
 * <p>
 * Nothing a peer sends is trusted but its types (plain values, all the transport makes): each field is checked here,
 * and a bad one is answered with a refusal, never an exception.
 */
public final class NodeEndpoint implements PartylineNode {

	/** The longest an ask from a peer may have this node wait for its handlers, whatever the peer asked. */
	private static final Duration LONGEST = Duration.ofMinutes(1);

	private final String name;
	private final String endpoint;
	private final Asks asks;
	private final Consumer<Map<String, Object>> heardFrom;
	private final Supplier<Map<String, Object>> catalog;
	private final Logger logger;

	/**
	 * @param heardFrom told every message a peer sends of itself (a hello, a catalog)
	 * @param catalog this node's catalog as a message, made anew for each answer
	 */
	NodeEndpoint(String name, String endpoint, Asks asks, Consumer<Map<String, Object>> heardFrom,
			Supplier<Map<String, Object>> catalog, Logger logger) {
		this.name = name;
		this.endpoint = endpoint;
		this.asks = asks;
		this.heardFrom = heardFrom;
		this.catalog = catalog;
		this.logger = logger;
	}

	@Override
	public Map<String, Object> hello(Map<String, Object> caller) {
		heardFrom.accept(caller);
		Map<String, Object> answer = catalog.get();
		answer.put(NODE, name);
		answer.put(ENDPOINT, endpoint);
		return answer;
	}

	@Override
	public Map<String, Object> catalog(Map<String, Object> update) {
		heardFrom.accept(update);
		Map<String, Object> answer = new HashMap<>();
		answer.put(NODE, name);
		return answer;
	}

	@Override
	public CompletionStage<Map<String, Object>> ask(Map<String, Object> ask) {
		try {
			String app = text(ask, APP, true);
			String serviceName = text(ask, NAME, false);
			int depth = ask.get(DEPTH) instanceof Integer given && given >= 0 ? given : -1;
			long nanos = ask.get(DEADLINE_NANOS) instanceof Long given ? given : -1;
			if (depth < 0 || nanos <= 0) {
				return CompletableFuture.completedFuture(refused("the ask has no depth or deadline"));
			}
			// this node answers a little before the peer stops waiting, so its answer still counts there
			Duration deadline = Duration.ofNanos(Math.min(nanos - nanos / 5, LONGEST.toNanos()));
			return asks.answerPeer(app, here(ask), serviceName, ask.get(PAYLOAD), depth, deadline)
					.handle((answer, failure) -> failure == null ? WireReplies.toWire(name, answer) : failed(failure));
		} catch (IllegalArgumentException | RecursionTooDeep refusal) {
			return CompletableFuture.completedFuture(refused(refusal.getMessage()));
		} catch (RuntimeException failure) {
			return CompletableFuture.completedFuture(failed(failure));
		}
	}

	/** The asking framework's applications with handlers of the name; none from a peer that does not say. */
	private static String[] here(Map<String, Object> ask) {
		if (ask.get(HERE) instanceof List<?> here && here.stream().allMatch(String.class::isInstance)) {
			return here.toArray(String[]::new);
		}
		return new String[0];
	}

	private Map<String, Object> failed(Throwable failure) {
		logger.warn("Answering a peer's ask failed", failure);
		return refused("node " + name + " failed: " + failure);
	}

	private static String text(Map<String, Object> ask, String key, boolean mayBeEmpty) {
		if (ask.get(key) instanceof String text && (mayBeEmpty || !text.isEmpty())) {
			return text;
		}
		throw new IllegalArgumentException("the ask has no " + key);
	}

	private Map<String, Object> refused(String why) {
		Map<String, Object> answer = new HashMap<>();
		answer.put(NODE, name);
		answer.put(REFUSED, why);
		return answer;
	}
}
