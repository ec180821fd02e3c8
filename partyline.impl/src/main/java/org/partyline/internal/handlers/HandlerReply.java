package org.partyline.internal.handlers;

import java.time.Duration;

import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.Reply;
import org.partyline.internal.Fatal;

/** A {@link Reply}: what one handler did, and its service's owner, id and ranking at the time. */
public record HandlerReply(Object answer, String outcome, Throwable failure, String bundleSymbolicName, long bundleId,
		long serviceId, int ranking, Duration duration) implements Reply {

	/** Calls the handler and keeps whatever it does; only errors of the JVM itself escape. */
	public static HandlerReply of(HandlerEntry entry, Handler handler, Object payload) {
		long started = System.nanoTime();
		try {
			Object answer = handler.handle(payload);
			return of(entry, answer, ANSWERED, null, started);
		} catch (HighAndDry declined) {
			return of(entry, null, DECLINED, null, started);
		} catch (Throwable failure) {
			Fatal.rethrowIfFatal(failure); // nothing a partyline should hide
			return of(entry, null, FAILED, failure, started);
		}
	}

	/** The handler did not reply in time, or was not called: it had too many calls running. */
	static HandlerReply late(HandlerEntry entry, long askedAtNanos) {
		return of(entry, null, LATE, null, askedAtNanos);
	}

	private static HandlerReply of(HandlerEntry entry, Object answer, String outcome, Throwable failure,
			long startedNanos) {
		return new HandlerReply(answer, outcome, failure, entry.ownerName(), entry.ownerId(), entry.serviceId(),
				entry.ranking(), Duration.ofNanos(System.nanoTime() - startedNanos));
	}

	/** A handler of this framework: no node to name. */
	@Override
	public String node() {
		return "";
	}

	@Override
	public String toString() {
		return outcome + " by " + bundleSymbolicName + " [" + bundleId + "], service " + serviceId + ": " + what(this);
	}

	/** What a reply says, for its {@code toString}: its answer, its failure, or its outcome. */
	public static String what(Reply reply) {
		return switch (reply.outcome()) {
		case ANSWERED -> String.valueOf(reply.answer());
		case FAILED -> String.valueOf(reply.failure());
		default -> reply.outcome();
		};
	}
}
