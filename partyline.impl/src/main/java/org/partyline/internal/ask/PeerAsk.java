package org.partyline.internal.ask;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partyline.api.Reply;

/**
 * The peers' part of an ask that returns answers: started before the caller's thread asks this framework's own
 * handlers, waited for after, at most the node's deadline (the ask resolves at its deadline whatever the network
 * does). Replies from this framework come first, then each peer's in the order the peers are configured.
 */
public final class PeerAsk {

	private final AsyncAsk ask;
	private final String serviceName;
	private final Switchboard switchboard;

	PeerAsk(AsyncAsk ask, String serviceName, Switchboard switchboard) {
		this.ask = ask;
		this.serviceName = serviceName;
		this.switchboard = switchboard;
	}

	/** The peers' replies; an interrupt ends the wait at once, every peer still out being late. */
	public List<Reply> replies() {
		try {
			return ask.promise().getValue();
		} catch (InterruptedException interrupted) {
			ask.resolve(); // resolved now, so the value is there without waiting
			List<Reply> replies = replies();
			Thread.currentThread().interrupt();
			return replies;
		} catch (InvocationTargetException cannotHappen) {
			throw new IllegalStateException(cannotHappen.getCause()); // a peers' ask never fails
		}
	}

	/**
	 * The answers of this framework's handlers ({@code null} when none of the name is connected here) followed by
	 * the peers' answers of the asked type; {@code NoSuchServiceName} when the name is known nowhere.
	 */
	<T> List<T> answersAfter(List<T> here, Class<T> answerType) {
		List<Reply> theirs = replies();
		List<T> answers = here != null ? here : unlessKnown();
		for (Reply reply : theirs) {
			Object answer = reply.answer();
			if (reply.isAnswered() && (answer == null || answerType.isInstance(answer))) {
				answers.add(answerType.cast(answer));
			}
		}
		return answers;
	}

	/** The first non-null answer of the asked type from the peers, after this framework's handlers gave none. */
	<T> Optional<T> firstAfter(boolean knownHere, Class<T> answerType) {
		List<Reply> theirs = replies();
		if (!knownHere) {
			unlessKnown();
		}
		for (Reply reply : theirs) {
			if (reply.isAnswered() && answerType.isInstance(reply.answer())) {
				return Optional.of(answerType.cast(reply.answer()));
			}
		}
		return Optional.empty();
	}

	/** This framework's replies ({@code null} when no handler of the name is here) followed by the peers'. */
	List<Reply> repliesAfter(List<Reply> here) {
		List<Reply> theirs = replies();
		List<Reply> all = here != null ? here : unlessKnown();
		all.addAll(theirs);
		return all;
	}

	/** No handler of the name here: unless a peer has one, nobody answers it. */
	private <T> List<T> unlessKnown() {
		return ask.known() ? new ArrayList<>() : switchboard.nobodyAnswers(serviceName);
	}
}
