package org.partyline.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handler connected through {@link Partyline#connect(String, Handler)}. Closing it disconnects the handler; closing
 * it again does nothing.
 */
@ProviderType
public interface Connection extends AutoCloseable {

	/**
	 * @return the service name the handler answers for
	 */
	String serviceName();

	/**
	 * @return {@code true} until the handler is disconnected, by {@link #close()}, by its bundle stopping or by the
	 *         Partyline implementation stopping
	 */
	boolean isConnected();

	/**
	 * Disconnects the handler: asks that start afterwards no longer call it. Idempotent.
	 */
	@Override
	void close();
}
