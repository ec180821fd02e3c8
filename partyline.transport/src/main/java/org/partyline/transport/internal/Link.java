package org.partyline.transport.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.ServiceException;

/**
 * This node's way to one peer: the connection while it stands, a new one when it fell. A call that fails (the peer
 * is down, refuses this node, fails the call, or does not answer in time) throws a {@link ServiceException} of type
 * {@code REMOTE} saying which and why; it never touches another peer's link.
 */
final class Link {

	/** On loopback or a LAN a peer answers a connect at once or never. */
	static final int CONNECT_MILLIS = 3_000;

	private final InetSocketAddress peer;
	private final SharedSecret secret;
	private Connection connection; // guarded by this
	private boolean closed; // guarded by this

	Link(InetSocketAddress peer, SharedSecret secret) {
		this.peer = peer;
		this.secret = secret;
	}

	/** Calls a method of a service the peer exports, and returns its answer, read through the filter. */
	Object call(String service, String method, Object[] arguments, long timeoutMillis) {
		Object[] given = arguments == null ? new Object[0] : arguments;
		byte[] body;
		try {
			body = WireStreams.write(out -> {
				out.writeUTF(service);
				out.writeUTF(method);
				out.writeInt(given.length);
				for (Object argument : given) {
					out.writeObject(argument);
				}
			});
		} catch (IOException cannotCross) {
			throw new ServiceException("an argument of " + method + " cannot cross to " + this + ": " + cannotCross,
					ServiceException.REMOTE, cannotCross);
		}
		Frame answer = exchange(body, timeoutMillis);
		try (ObjectInputStream in = WireStreams.reading(answer.body())) {
			if (answer.kind() == Frame.FAILURE) {
				throw new ServiceException(this + " failed the call: " + in.readUTF(), ServiceException.REMOTE);
			}
			return in.readObject();
		} catch (IOException | ClassNotFoundException refused) {
			throw new ServiceException("the answer of " + this + " was refused: " + refused, ServiceException.REMOTE,
					refused);
		}
	}

	private Frame exchange(byte[] body, long timeoutMillis) {
		try {
			return connection().exchange(body, timeoutMillis);
		} catch (TimeoutException late) {
			throw new ServiceException(this + " did not answer within " + timeoutMillis + " ms",
					ServiceException.REMOTE, late);
		} catch (IOException failed) {
			throw new ServiceException("cannot reach " + this + ": " + failed, ServiceException.REMOTE, failed);
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ServiceException("interrupted calling " + this, ServiceException.REMOTE, interrupted);
		}
	}

	private synchronized Connection connection() throws IOException {
		if (closed) {
			throw new IOException("the transport stopped");
		}
		if (connection == null || !connection.isOpen()) {
			connection = Connection.open(peer, secret, CONNECT_MILLIS);
		}
		return connection;
	}

	/** The transport stops: the connection closes and its waiting calls fail. */
	synchronized void close() {
		closed = true;
		if (connection != null) {
			connection.fail(new IOException("the transport stopped"));
		}
	}

	@Override
	public String toString() {
		return "peer " + peer.getHostString() + ":" + peer.getPort();
	}
}
