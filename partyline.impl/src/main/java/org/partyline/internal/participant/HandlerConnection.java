package org.partyline.internal.participant;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.framework.ServiceRegistration;
import org.partyline.api.Connection;
import org.partyline.api.Handler;

/**
 * A handler registered through {@code connect}: closing it unregisters the handler service, once.
 */
public final class HandlerConnection implements Connection {

	private final String serviceName;
	private final ServiceRegistration<Handler> registration;
	private final Consumer<HandlerConnection> onClose;
	private final AtomicBoolean closed = new AtomicBoolean();

	HandlerConnection(String serviceName, ServiceRegistration<Handler> registration,
			Consumer<HandlerConnection> onClose) {
		this.serviceName = serviceName;
		this.registration = registration;
		this.onClose = onClose;
	}

	@Override
	public String serviceName() {
		return serviceName;
	}

	@Override
	public boolean isConnected() {
		if (closed.get()) {
			return false;
		}
		try {
			registration.getReference();
			return true;
		} catch (IllegalStateException unregistered) {
			// its bundle stopped: the framework unregistered it
			return false;
		}
	}

	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		try {
			registration.unregister();
		} catch (IllegalStateException alreadyGone) {
			// the framework unregistered it when its bundle stopped
		}
		onClose.accept(this);
	}

	/**
	 * Closes the connection unless its bundle is already leaving: then the framework withdraws the handler itself,
	 * and unregistering it from another thread while the bundle is uninstalled or updated races with the framework.
	 */
	public void closeUnlessOwnerLeaving() {
		org.osgi.framework.Bundle owner;
		try {
			owner = registration.getReference().getBundle();
		} catch (IllegalStateException unregistered) {
			closed.set(true);
			return;
		}
		if (owner != null && owner.getState() == org.osgi.framework.Bundle.ACTIVE) {
			close();
		}
	}

	@Override
	public String toString() {
		return "connection to \"" + serviceName + "\"" + (isConnected() ? "" : " (closed)");
	}
}
