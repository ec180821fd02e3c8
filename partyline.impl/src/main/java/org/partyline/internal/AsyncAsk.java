package org.partyline.internal;

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
import org.partyline.api.Reply;

/**
 * One asynchronous ask in flight: a slot per handler, filled by the handler's task or, at the deadline, with
 * {@link Reply#LATE}; resolved once, by the last reply or the deadline, whichever comes first. A reply arriving after
 * that finds its slot taken and is dropped.
 */
final class AsyncAsk {

	/** The slot of a handler whose service went before its task ran: it was not asked, so it has no reply. */
	private static final Object NOT_ASKED = new Object();

	private final HandlerEntry[] handlers;
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

	AsyncAsk(HandlerEntry[] handlers, Deferred<List<Reply>> deferred, Consumer<AsyncAsk> whenResolved) {
		this.handlers = handlers;
		this.slots = new AtomicReferenceArray<>(handlers.length);
		this.outstanding = new AtomicInteger(handlers.length);
		this.deferred = deferred;
		this.whenResolved = whenResolved;
		this.calls = new AtomicIntegerArray(handlers.length);
		this.queued = new Runnable[handlers.length];
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
			handlers[slot].lane().overdueEnded();
		}
	}

	Promise<List<Reply>> promise() {
		return deferred.getPromise();
	}

	HandlerEntry handler(int slot) {
		return handlers[slot];
	}

	int size() {
		return handlers.length;
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

	void notAsked(int slot) {
		fill(slot, NOT_ASKED);
	}

	/** Not called: the handler is stuck, or the ask's executor refused the call. */
	void lateAtOnce(int slot) {
		fill(slot, HandlerReply.late(handlers[slot], System.nanoTime()));
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
		List<Reply> replies = new ArrayList<>(handlers.length);
		for (int i = 0; i < handlers.length; i++) {
			if (calls.compareAndSet(i, QUEUED, SKIPPED) && queued[i] != null) {
				handlers[i].lane().withdraw(queued[i]);
			} else if (calls.compareAndSet(i, RUNNING, OVERDUE)) {
				handlers[i].lane().overdueStarted();
			}
			Object reply = slots.get(i);
			if (reply == null) {
				HandlerReply late = HandlerReply.late(handlers[i], askedAtNanos); // only for a slot still empty
				reply = slots.compareAndSet(i, null, late) ? late : slots.get(i);
			}
			if (reply != NOT_ASKED) {
				replies.add((Reply) reply);
			}
		}
		whenResolved.accept(this);
		deferred.resolve(replies);
	}
}
