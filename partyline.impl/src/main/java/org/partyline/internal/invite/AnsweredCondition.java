package org.partyline.internal.invite;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

/**
 * The OSGi condition {@value #ID}, registered while no servlet's invitation is awaited: what a launcher waits for
 * before it says it is serving, and what a component can require ({@code osgi.ds.satisfying.condition}) to start
 * only once every servlet present has been invited.
 */
final class AnsweredCondition {

	static final String ID = "partyline.invitations.answered";

	private final BundleContext context;
	private final BooleanSupplier noneAwaited;
	private ServiceRegistration<Condition> registration;
	private boolean closed;

	AnsweredCondition(BundleContext context, BooleanSupplier noneAwaited) {
		this.context = context;
		this.noneAwaited = noneAwaited;
	}

	/**
	 * Registers or withdraws the condition as the admissions stand now; every change of theirs calls this after it.
	 * Serialised here, not under the admissions' lock: the service events it causes reach listeners that may ask
	 * the admissions themselves. Reading the state inside makes the last call win, whatever order threads come in.
	 */
	synchronized void refresh() {
		boolean none = noneAwaited.getAsBoolean();
		if (closed || none == (registration != null)) {
			return;
		}
		if (none) {
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put(Condition.CONDITION_ID, ID);
			registration = context.registerService(Condition.class, Condition.INSTANCE, properties);
		} else {
			unregister();
		}
	}

	synchronized void close() {
		closed = true;
		unregister();
	}

	private void unregister() {
		if (registration != null) {
			try {
				registration.unregister();
			} catch (IllegalStateException alreadyGone) {
				// our bundle is stopping: the framework withdrew it
			}
			registration = null;
		}
	}
}
