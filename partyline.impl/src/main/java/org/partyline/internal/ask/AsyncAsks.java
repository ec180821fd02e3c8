package org.partyline.internal.ask;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.IntConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;
import org.partyline.api.Handler;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.PartylineConstants;
import org.partyline.api.RecursionTooDeep;
import org.partyline.api.Reply;
import org.partyline.internal.PartylineConfiguration;
import org.partyline.internal.SettingsInForce;
import org.partyline.internal.handlers.Callee;
import org.partyline.internal.handlers.HandlerEntry;
import org.partyline.internal.handlers.HandlerLane;
import org.partyline.internal.handlers.HandlerReply;

/**
 * Asks with a deadline, on threads of the partyline's own ({@link AskThreads}).
 * <p>
 * The rule that keeps one hanging handler from taking the pool: at most {@code asyncCallsPerHandler} calls of one
 * handler service run at once; the others wait in that handler's own lane ({@link HandlerLane}) for one to end, or
 * for their ask's deadline. A handler whose running calls have all outlived their asks is stuck: it is
 * {@link Reply#LATE} at once, uncalled, until one of them returns. So a hanging handler holds at most that many
 * threads, and a fast one is called on every ask however many come at once. Nested asks cannot deadlock the pool
 * either: every ask resolves at its deadline on the timer thread, whoever waits on it.
 */
@Component(service = AsyncAsks.class, configurationPid = PartylineConstants.CONFIGURATION_PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AsyncAsks {

	private final Switchboard switchboard;
	private final AskThreads threads;
	private final ThreadPoolExecutor callers;
	private final PromiseFactory promises;
	private final Set<AsyncAsk> pending = ConcurrentHashMap.newKeySet();
	private static final Peer[] NO_PEERS = new Peer[0];
	private static final HandlerEntry[] NO_HANDLERS = new HandlerEntry[0];

	private volatile int callsPerHandler;
	private volatile boolean stopped;

	@Activate
	public AsyncAsks(PartylineConfiguration config, @Reference Switchboard switchboard) {
		this.switchboard = switchboard;
		this.threads = new AskThreads(SettingsInForce.asyncThreads(config));
		this.callers = threads.callers();
		this.promises = threads.promises();
		this.callsPerHandler = SettingsInForce.asyncCallsPerHandler(config);
	}

	@Modified
	void modified(PartylineConfiguration config) {
		threads.resize(SettingsInForce.asyncThreads(config));
		callsPerHandler = SettingsInForce.asyncCallsPerHandler(config);
	}

	@Deactivate
	void deactivate() {
		stopped = true;
		threads.stopCallsAndDeadlines();
		pending.forEach(AsyncAsk::resolve); // nobody is left to answer them: they must not hang
		threads.stopCallbacksWhenDone(); // the callbacks of those resolutions still run
	}

	/**
	 * Asks the handlers of this framework not owned by the caller and, when this framework is a node, its peers,
	 * whose handlers of the caller's application are not asked either.
	 *
	 * @param group the node's peers, or {@code null} when this framework is no node
	 */
	Promise<List<Reply>> ask(Caller caller, String serviceName, Object payload, Duration deadline, Peers group) {
		Objects.requireNonNull(deadline, "deadline must not be null");
		if (deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("deadline must be positive: " + deadline);
		}
		Switchboard.checkedName(serviceName);
		String callerApp = caller.application();
		PeerChoice choice = group == null ? null : choose(group, callerApp, serviceName);
		Peer[] peers = choice == null ? NO_PEERS : choice.asked();
		Object crossing = peers.length == 0 ? payload : group.wired(payload); // nothing crosses without a peer
		HandlerEntry[] handlers = switchboard.askedHere(caller.id(), null, serviceName);
		boolean knownThere = choice != null && choice.knownThere();
		if (handlers == null && peers.length == 0 && !knownThere) {
			try {
				switchboard.nobodyAnswers(serviceName);
			} catch (NoSuchServiceName nobody) {
				return promises.failed(nobody);
			}
			handlers = NO_HANDLERS; // missing names are ignored: it resolves at once, with no reply
		}
		String[] here = choice == null ? null : choice.here();
		int depth = switchboard.nesting().depth();
		try {
			Nesting.check(depth, serviceName);
		} catch (RecursionTooDeep tooDeep) {
			return promises.failed(tooDeep);
		}
		HandlerEntry[] own = handlers == null ? NO_HANDLERS : handlers;
		Callee[] callees = own;
		if (peers.length > 0) {
			callees = Arrays.copyOf(own, own.length + peers.length, Callee[].class);
			System.arraycopy(peers, 0, callees, own.length, peers.length);
		}
		// with peers, whether the name is known anywhere is only clear once they answered
		AsyncAsk ask = new AsyncAsk(callees, promises.deferred(), pending::remove,
				switchboard.missingNamesFail() ? serviceName : null, handlers != null || knownThere);
		start(ask, deadline, slot -> {
			if (slot < own.length) {
				handlerCall(ask, slot, payload, depth + 1);
			} else {
				peerCall(ask, slot, callerApp, here, serviceName, crossing, depth + 1, deadline);
			}
		});
		return ask.promise();
	}

	/**
	 * Starts asking the peers alone, for an ask whose own handlers the caller's thread calls meanwhile; waits, at
	 * most the node's deadline, happen in {@link PeerAsk}.
	 *
	 * @return the ask under way, or {@code null} when no peer has the name
	 * @throws IllegalArgumentException when the payload cannot cross to other nodes
	 * @throws RecursionTooDeep when the caller's asks are nested too deep
	 */
	PeerAsk askPeers(Peers group, String callerApp, String serviceName, Object payload) {
		Switchboard.checkedName(serviceName);
		PeerChoice choice = choose(group, callerApp, serviceName);
		if (choice == null) {
			return null; // no peer has the name: no call, nothing to wait for
		}
		Object wired = choice.asked().length == 0 ? payload : group.wired(payload);
		int depth = switchboard.nesting().depth();
		Nesting.check(depth, serviceName);
		Duration deadline = group.deadline();
		AsyncAsk ask = new AsyncAsk(choice.asked(), promises.deferred(), pending::remove, null, choice.knownThere());
		start(ask, deadline,
				slot -> peerCall(ask, slot, callerApp, choice.here(), serviceName, wired, depth + 1, deadline));
		return new PeerAsk(ask, serviceName, switchboard);
	}

	/** The peers that may answer, or {@code null} when none has the name (the usual case of a local name). */
	private PeerChoice choose(Peers group, String callerApp, String serviceName) {
		Peer[] peers = group.peers();
		return peers.length == 0 ? null
				: PeerChoice.among(peers, callerApp, serviceName, group.leavesOutApplicationsHere(), switchboard);
	}

	/**
	 * What this framework answers a peer: its own handlers of the name but those of the asking application and of
	 * the applications {@code leftOut} (they answer on the asking node), called as an asynchronous ask with the
	 * deadline the peer gave; never its own peers, so an ask crosses one hop. The answer completes on the thread that
	 * resolves the ask (the last handler's, or the deadline's): no thread waits for it, and the transport sends it
	 * from there.
	 *
	 * @throws RecursionTooDeep when the peer's ask is nested too deep
	 */
	public CompletionStage<PeerAnswer> answerPeer(String callerApp, String[] leftOut, String serviceName,
			Object payload, int depth, Duration deadline) {
		HandlerEntry[] known = switchboard.askedHere(Caller.NEUTRAL.id(), callerApp, serviceName);
		if (known == null) {
			return CompletableFuture.completedFuture(new PeerAnswer(false, List.of()));
		}
		// the asking framework's applications answer there: their handlers here are left out too
		HandlerEntry[] handlers = leftOut.length == 0 ? known : Arrays.stream(known)
				.filter(handler -> !PeerChoice.contains(leftOut, handler.ownerName())).toArray(HandlerEntry[]::new);
		Nesting.check(depth, serviceName);
		AsyncAsk ask = new AsyncAsk(handlers, threads.resolvedInline().deferred(), pending::remove);
		CompletableFuture<PeerAnswer> answer = new CompletableFuture<>();
		ask.promise().onSuccess(replies -> answer.complete(new PeerAnswer(true, replies)))
				.onFailure(answer::completeExceptionally); // an ask without mustBeKnown never fails
		start(ask, deadline, slot -> handlerCall(ask, slot, payload, depth));
		return answer;
	}

	/** Registers the ask, arms its deadline and calls every slot, unless it resolves first. */
	private void start(AsyncAsk ask, Duration deadline, IntConsumer call) {
		if (ask.size() == 0) {
			ask.resolve();
			return;
		}
		pending.add(ask);
		try {
			ask.deadline(threads.atDeadline(ask::resolve, deadline));
		} catch (RejectedExecutionException stopping) {
			ask.resolve();
		}
		if (stopped) {
			ask.resolve(); // deactivated meanwhile: its pools may have gone before we were added to pending
		}
		for (int slot = 0; slot < ask.size() && !ask.resolved(); slot++) {
			call.accept(slot);
		}
	}

	private void handlerCall(AsyncAsk ask, int slot, Object payload, int depth) {
		HandlerEntry entry = (HandlerEntry) ask.callee(slot);
		HandlerLane lane = entry.lane();
		int limit = callsPerHandler;
		if (lane.stuck(limit)) {
			ask.lateAtOnce(slot);
			return;
		}
		Runnable call = () -> {
			if (!ask.start(slot)) {
				return; // its ask resolved before a thread was free: not called at all
			}
			try {
				Handler handler = entry.handler();
				if (handler == null) {
					ask.notAsked(slot); // its service went meanwhile
				} else {
					switchboard.nesting().runAt(depth, () -> ask.replied(slot, HandlerReply.of(entry, handler, payload)));
				}
			} finally {
				ask.finish(slot);
			}
		};
		ask.queued(slot, call);
		lane.submit(call, callers, limit);
	}

	private void peerCall(AsyncAsk ask, int slot, String callerApp, String[] here, String serviceName, Object payload,
			int depth, Duration deadline) {
		Peer peer = (Peer) ask.callee(slot);
		HandlerLane lane = peer.lane();
		int limit = peer.callsAtOnce(callsPerHandler);
		if (lane.stuck(limit)) {
			ask.lateAtOnce(slot);
			return;
		}
		// sent from the thread that lets it into the lane, answered on the transport's: no thread waits for a peer
		Runnable call = HandlerLane.later(done -> {
			if (!ask.start(slot)) {
				done.run();
				return;
			}
			peer.ask(callerApp, here, serviceName, payload, depth, ask.remaining(deadline))
					.whenComplete((answer, failure) -> {
						try {
							ask.replied(slot, answer); // a peer's ask never fails: its failures are replies
						} finally {
							ask.finish(slot);
							done.run();
						}
					});
		});
		ask.queued(slot, call);
		lane.submit(call, callers, limit);
	}
}
