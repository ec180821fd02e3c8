package org.partyline.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.framework.ServiceRegistration;
import org.partyline.api.Connection;
import org.partyline.api.Handler;

/**
 * A handler registered through {@code connect}: closing it unregisters the handler service, once.
 */
final class HandlerConnection implements Connection {

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

	@Override
	public String toString() {
		return "connection to \"" + serviceName + "\"" + (isConnected() ? "" : " (closed)");
	}
}
