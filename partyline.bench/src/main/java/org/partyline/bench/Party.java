package org.partyline.bench;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.partyline.api.Handler;
import org.partyline.api.Partyline;

/**
 * One benchmark's world: an embedded Felix, {@value #OWNERS} owner bundles and a caller bundle, and for each service
 * name {@code handlers} handlers of the owners plus one of the caller (which its own asks skip), registered through
 * each owner's own {@code Partyline} as a participant does. The hand-written loop gets the very same handler objects,
 * in the same (registration, i.e. precedence) order.
 */
final class Party implements AutoCloseable {

	static final String ANSWERING = "bench.url";
	static final String DECLINING = "bench.declining";
	static final String DECLINING_FRESHLY = "bench.declining.freshly";
	static final String PAYLOAD = "shop.product";
	static final int OWNERS = 4;

	final EmbeddedFelix felix;
	final Bundle caller;
	final long callerId;
	final BundleContext callerContext;
	final Partyline partyline;
	final EventAdmin eventAdmin;
	/** The loop's arrays: {@code handlers} + 1 entries, the caller's own in the middle. */
	final OwnedHandler[] answering;
	/** Declining with the shared {@code HighAndDry.decline()}, and with {@code new HighAndDry()}. */
	final OwnedHandler[] declining;
	final OwnedHandler[] decliningFreshly;

	private final List<Bundle> owners = new ArrayList<>();
	private final List<Partyline> ownerPartylines = new ArrayList<>();

	/**
	 * @param handlers the handlers of other bundles per name (each ask gets this many answers)
	 * @param unrelated handlers of other names, one name each, on the same {@link Handler} interface
	 */
	Party(int handlers, int unrelated) {
		felix = EmbeddedFelix.start();
		try {
			caller = ParticipantBundle.install(felix, "bench.caller");
			callerId = caller.getBundleId();
			callerContext = caller.getBundleContext();
			partyline = EmbeddedFelix.serviceOf(caller, Partyline.class);
			eventAdmin = EmbeddedFelix.serviceOf(caller, EventAdmin.class);
			for (int i = 0; i < Math.min(OWNERS, handlers); i++) {
				Bundle owner = ParticipantBundle.install(felix, "bench.owner." + i);
				owners.add(owner);
				ownerPartylines.add(EmbeddedFelix.serviceOf(owner, Partyline.class));
			}
			answering = connect(ANSWERING, handlers, Answering::new);
			declining = connect(DECLINING, handlers, Declining::new);
			decliningFreshly = connect(DECLINING_FRESHLY, handlers, DecliningFreshly::new);
			registerEventHandlers(handlers);
			for (int i = 0; i < unrelated; i++) {
				ownerPartylines.get(i % owners.size()).connect("unrelated." + i, new Answering());
			}
			EventAdminBarrier.await(callerContext, eventAdmin);
			settle();
		} catch (RuntimeException e) {
			felix.close();
			throw e;
		}
	}

	/** One handler object per registration, as separate participants would have. */
	private OwnedHandler[] connect(String name, int handlers, Supplier<Handler> newHandler) {
		OwnedHandler[] inOrder = new OwnedHandler[handlers + 1];
		int callersPosition = handlers / 2;
		int owner = 0;
		for (int position = 0; position < inOrder.length; position++) {
			Handler handler = newHandler.get();
			if (position == callersPosition) {
				partyline.connect(name, handler);
				inOrder[position] = new OwnedHandler(handler, callerId);
			} else {
				int index = owner++ % owners.size();
				ownerPartylines.get(index).connect(name, handler);
				inOrder[position] = new OwnedHandler(handler, owners.get(index).getBundleId());
			}
		}
		return inOrder;
	}

	private void registerEventHandlers(int handlers) {
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, AnsweringEventHandler.TOPIC);
		for (int i = 0; i < handlers; i++) {
			owners.get(i % owners.size()).getBundleContext().registerService(EventHandler.class,
					new AnsweringEventHandler(), properties);
		}
	}

	/**
	 * Everything set up is young, and the next young collections keep copying it between survivor spaces until it is
	 * tenured. With 10,000 unrelated handlers that took seconds into the measurement: young pauses of 8-13 ms instead
	 * of 1, and whole iterations up to 3x slower (with no pause in them) while the steady state matched the uncrowded
	 * asks. A full collection now tenures and compacts the setup, as a long-running server's handlers are, before
	 * JMH measures anything.
	 */
	private static void settle() {
		System.gc();
	}

	@Override
	public void close() {
		EventAdminBarrier.await(callerContext, eventAdmin);
		felix.close();
	}
}
