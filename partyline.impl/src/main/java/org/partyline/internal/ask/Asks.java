package org.partyline.internal.ask;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.promise.Promise;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.RecursionTooDeep;
import org.partyline.api.Reply;

/**
 * Where every ask starts, whoever asks: a participant's {@code Partyline}, the shell, the console page, a peer node.
 * It decides who is asked: this framework's handlers, on the caller's thread ({@link Switchboard}) or on the
 * partyline's threads with a deadline ({@link AsyncAsks}), and, while this framework is a node, the peers that may
 * answer. Without a node an ask reads one field here and goes on to the switchboard.
 */
@Component(service = Asks.class)
public final class Asks {

	private final Switchboard switchboard;
	private final AsyncAsks asyncAsks;
	/** The node's peers while this framework is a node, else {@code null}. */
	private volatile Peers peers;

	@Activate
	public Asks(@Reference Switchboard switchboard, @Reference AsyncAsks asyncAsks) {
		this.switchboard = switchboard;
		this.asyncAsks = asyncAsks;
	}

	/** Every answer of the asked type, this framework's first, then each peer's in the peers' order. */
	public <T> List<T> askAround(Caller caller, String serviceName, Object payload, Class<T> answerType) {
		PeerAsk there = peersAsked(caller, serviceName, payload);
		if (there == null) {
			return switchboard.askAround(caller.id(), serviceName, payload, answerType);
		}
		return there.answersAfter(switchboard.askAroundHere(caller.id(), serviceName, payload, answerType),
				answerType);
	}

	/** The first non-null answer of the asked type: this framework's handlers first, the peers only if none gave one. */
	public <T> Optional<T> askFirst(Caller caller, String serviceName, Object payload, Class<T> answerType) {
		Optional<T> here = switchboard.askFirstHere(caller.id(), serviceName, payload, answerType);
		if (here != null && here.isPresent()) {
			return here;
		}
		PeerAsk there = peersAsked(caller, serviceName, payload);
		if (there != null) {
			return there.firstAfter(here != null, answerType);
		}
		if (here == null) {
			switchboard.nobodyAnswers(serviceName);
		}
		return Optional.empty();
	}

	/** Every reply, with who gave it; a handler's failure is a reply, not thrown. */
	public List<Reply> replies(Caller caller, String serviceName, Object payload) {
		PeerAsk there = peersAsked(caller, serviceName, payload);
		if (there == null) {
			return switchboard.replies(caller.id(), serviceName, payload);
		}
		return there.repliesAfter(switchboard.repliesHere(caller.id(), serviceName, payload));
	}

	/** The peers' part of a synchronous ask, started; {@code null} when this framework is no node or no peer has it. */
	private PeerAsk peersAsked(Caller caller, String serviceName, Object payload) {
		Peers group = peers;
		return group == null ? null : asyncAsks.askPeers(group, caller.application(), serviceName, payload);
	}

	/** Every reply by the deadline, handlers and peers called on the partyline's threads. */
	public Promise<List<Reply>> askAsync(Caller caller, String serviceName, Object payload, Duration deadline) {
		return asyncAsks.ask(caller, serviceName, payload, deadline, peers);
	}

	/**
	 * Like {@link #askAsync}, waited for: for the shell and the console page, whose callers wait anyway. The
	 * promise's failure ({@link NoSuchServiceName}, {@link RecursionTooDeep}) is thrown as it is.
	 */
	public List<Reply> repliesWithin(Caller caller, String serviceName, Object payload, Duration deadline)
			throws InterruptedException {
		try {
			return askAsync(caller, serviceName, payload, deadline).getValue();
		} catch (InvocationTargetException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(failed.getCause());
		}
	}

	/** A peer's ask of this framework's handlers: {@link AsyncAsks#answerPeer}; never asks this node's own peers. */
	public CompletionStage<PeerAnswer> answerPeer(String callerApp, String[] leftOut, String serviceName,
			Object payload, int depth, Duration deadline) {
		return asyncAsks.answerPeer(callerApp, leftOut, serviceName, payload, depth, deadline);
	}

	/** The node that holds the peers, while this framework is one. */
	public void join(Peers node) {
		peers = node;
	}

	public void leave(Peers node) {
		if (peers == node) {
			peers = null;
		}
	}
}
