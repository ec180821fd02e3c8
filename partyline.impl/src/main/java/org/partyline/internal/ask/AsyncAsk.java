package org.partyline.internal.ask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Reply;
import org.partyline.internal.handlers.Callee;

/**
 * One asynchronous ask in flight: a slot per handler and per peer node, filled by its task or, at the deadline, with
 * {@link Reply#LATE}; resolved once, by the last reply or the deadline, whichever comes first. A reply arriving after
 * that finds its slot taken and is dropped. A peer's slot holds all its replies ({@link PeerAnswer}).
 */
final class AsyncAsk {

	/** The slot of a handler whose service went before its task ran: it was not asked, so it has no reply. */
	private static final Object NOT_ASKED = new Object();

	private final Callee[] callees;
	private final long askedAtNanos = System.nanoTime();
	private final AtomicReferenceArray<Object> slots;
	private final AtomicInteger outstanding;
	private final AtomicBoolean resolved = new AtomicBoolean();
	private final Deferred<List<Reply>> deferred;
	private final Consumer<AsyncAsk> whenResolved;
	private volatile Future<?> deadline;
	/** Each slot's call: queued, running, done, or, once the ask resolved without it, skipped or overdue. */
	private final AtomicIntegerArray calls;
	private final Runnable[] queued;

	private static final int QUEUED = 0;
	private static final int RUNNING = 1;
	private static final int DONE = 2;
	private static final int SKIPPED = 3;
	private static final int OVERDUE = 4;

	/** The name, when the ask fails unless a handler of it is known here or at a peer that answered; else null. */
	private final String mustBeKnown;
	private volatile boolean known;

	AsyncAsk(Callee[] callees, Deferred<List<Reply>> deferred, Consumer<AsyncAsk> whenResolved) {
		this(callees, deferred, whenResolved, null, true);
	}

	/**
	 * @param mustBeKnown the service name, when the promise is to fail with {@link NoSuchServiceName} unless a
	 *            handler of it is known; {@code null} for an ask that never fails so
	 * @param knownHere whether a handler of the name is connected in this framework
	 */
	AsyncAsk(Callee[] callees, Deferred<List<Reply>> deferred, Consumer<AsyncAsk> whenResolved, String mustBeKnown,
			boolean knownHere) {
		this.callees = callees;
		this.mustBeKnown = mustBeKnown;
		this.known = knownHere;
		this.slots = new AtomicReferenceArray<>(callees.length);
		this.outstanding = new AtomicInteger(callees.length);
		this.deferred = deferred;
		this.whenResolved = whenResolved;
		this.calls = new AtomicIntegerArray(callees.length);
		this.queued = new Runnable[callees.length];
	}

	/** The call of that slot, before it is submitted: withdrawn from the handler's lane if never started. */
	void queued(int slot, Runnable call) {
		queued[slot] = call;
	}

	/** The call begins; false if the ask resolved first: then it must not call the handler. */
	boolean start(int slot) {
		return calls.compareAndSet(slot, QUEUED, RUNNING);
	}

	/** The call ended; if it outlived the ask, its handler's lane counts it back. */
	void finish(int slot) {
		if (!calls.compareAndSet(slot, RUNNING, DONE)) {
			callees[slot].lane().overdueEnded();
		}
	}

	Promise<List<Reply>> promise() {
		return deferred.getPromise();
	}

	Callee callee(int slot) {
		return callees[slot];
	}

	/** What is left of the deadline now, at least a millisecond: what a peer may take to answer. */
	Duration remaining(Duration deadline) {
		long left = deadline.toNanos() - (System.nanoTime() - askedAtNanos);
		return Duration.ofNanos(Math.max(left, 1_000_000));
	}

	int size() {
		return callees.length;
	}

	boolean resolved() {
		return resolved.get();
	}

	/** The timer that resolves the ask at its deadline; cancelled if the replies came first. */
	void deadline(Future<?> timer) {
		deadline = timer;
		if (resolved.get()) {
			timer.cancel(false);
		}
	}

	void replied(int slot, Reply reply) {
		fill(slot, reply);
	}

	void replied(int slot, PeerAnswer answer) {
		fill(slot, answer);
	}

	/** Whether a handler of the name is known here or at a peer that answered in time; read once resolved. */
	boolean known() {
		return known;
	}

	void notAsked(int slot) {
		fill(slot, NOT_ASKED);
	}

	/** Not called: the handler is stuck, or the ask's executor refused the call. */
	void lateAtOnce(int slot) {
		fill(slot, callees[slot].late(System.nanoTime()));
	}

	private void fill(int slot, Object reply) {
		if (slots.compareAndSet(slot, null, reply) && outstanding.decrementAndGet() == 0) {
			resolve();
		}
	}

	/** Resolves now with what has come; every handler still to reply is {@link Reply#LATE}. */
	void resolve() {
		if (!resolved.compareAndSet(false, true)) {
			return;
		}
		Future<?> timer = deadline;
		if (timer != null) {
			timer.cancel(false);
		}
		List<Reply> replies = new ArrayList<>(callees.length);
		for (int i = 0; i < callees.length; i++) {
			if (calls.compareAndSet(i, QUEUED, SKIPPED) && queued[i] != null) {
				callees[i].lane().withdraw(queued[i]);
			} else if (calls.compareAndSet(i, RUNNING, OVERDUE)) {
				callees[i].lane().overdueStarted();
			}
			Object reply = slots.get(i);
			if (reply == null) {
				Reply late = callees[i].late(askedAtNanos); // only for a slot still empty
				reply = slots.compareAndSet(i, null, late) ? late : slots.get(i);
			}
			if (reply instanceof PeerAnswer peer) {
				replies.addAll(peer.replies());
				known |= peer.known();
			} else if (reply != NOT_ASKED) {
				replies.add((Reply) reply);
			}
		}
		whenResolved.accept(this);
		if (mustBeKnown != null && !known) {
			deferred.fail(new NoSuchServiceName(mustBeKnown));
		} else {
			deferred.resolve(replies);
		}
	}
}
