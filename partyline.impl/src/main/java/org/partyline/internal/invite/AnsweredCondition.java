package org.partyline.internal.invite;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

/**
 * The OSGi condition {@value #ID}, registered while the inviter runs and no servlet's invitation is awaited (every
 * servlet registered has been invited, or will not be): what a launcher waits for
 * before it says it is serving, and what a component can require ({@code osgi.ds.satisfying.condition}) to start
 * only once every servlet present has been invited. Where the framework does not export the condition package (Karaf
 * 4.4 lists its system packages without it), there is no condition.
 */
final class AnsweredCondition {

	static final String ID = "partyline.invitations.answered";

	private final BundleContext context;
	private final BooleanSupplier noneAwaited;
	private ServiceRegistration<?> registration;
	/** Whether an inviter is there to answer: without one, no servlet present has been invited. */
	private boolean open;
	/** Whether our bundle is wired to the condition package (imported optionally: Karaf 4.4 does not export it). */
	private boolean unavailable;

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
		if (!open || unavailable || none == (registration != null)) {
			return;
		}
		if (!none) {
			unregister();
			return;
		}
		try {
			registration = register();
		} catch (NoClassDefFoundError notWired) {
			unavailable = true;
		}
	}

	/** An inviter has started: the condition now says whether every servlet it awaits is answered. */
	synchronized void open() {
		open = true;
		refresh();
	}

	/** The inviter stops: the condition is withdrawn until another starts. */
	synchronized void close() {
		open = false;
		unregister();
	}

	/** The only place naming the condition's types, so that nothing else needs their package. */
	private ServiceRegistration<?> register() {
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(Condition.CONDITION_ID, ID);
		return context.registerService(Condition.class, Condition.INSTANCE, properties);
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
