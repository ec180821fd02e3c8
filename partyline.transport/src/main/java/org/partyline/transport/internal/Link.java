package org.partyline.transport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
		try {
			return callLater(service, method, arguments, timeoutMillis).get(); // its timeout bounds the wait
		} catch (ExecutionException failed) {
			throw (ServiceException) failed.getCause(); // callLater fails with nothing else
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ServiceException("interrupted calling " + this, ServiceException.REMOTE, interrupted);
		}
	}

	/**
	 * Calls a method that answers later: the future completes with the answer on the connection's reading thread,
	 * or fails with a {@link ServiceException} (the peer cannot be reached, fails the call, or does not answer in
	 * time). No thread of this node waits for it.
	 */
	CompletableFuture<Object> callLater(String service, String method, Object[] arguments, long timeoutMillis) {
		CompletableFuture<Frame> sent;
		try {
			sent = connection().send(body(service, method, arguments));
		} catch (IOException failed) {
			return CompletableFuture.failedFuture(
					new ServiceException("cannot reach " + this + ": " + failed, ServiceException.REMOTE, failed));
		} catch (ServiceException cannotCross) {
			return CompletableFuture.failedFuture(cannotCross);
		}
		CompletableFuture<Object> answer = sent.thenApply(this::read);
		answer.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((value, failed) -> sent.cancel(false));
		return answer.handle((value, failed) -> {
			if (failed == null) {
				return value;
			}
			Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause()
					: failed;
			throw cause instanceof ServiceException remote ? remote : new CompletionException(
					new ServiceException(cause instanceof TimeoutException ? this + " did not answer within "
							+ timeoutMillis + " ms" : "cannot reach " + this + ": " + cause, ServiceException.REMOTE,
							cause));
		});
	}

	private byte[] body(String service, String method, Object[] arguments) {
		Object[] given = arguments == null ? new Object[0] : arguments;
		try {
			return PlainValues.write(out -> {
				out.string(service);
				out.string(method);
				out.count(given.length);
				for (Object argument : given) {
					out.value(argument);
				}
			});
		} catch (IllegalArgumentException cannotCross) {
			throw new ServiceException("an argument of " + method + " cannot cross to " + this + ": "
					+ cannotCross.getMessage(), ServiceException.REMOTE, cannotCross);
		}
	}

	/** The value of an answer frame; a failure frame or a malformed value throws. */
	private Object read(Frame answer) {
		try {
			PlainValues.Reader in = new PlainValues.Reader(answer.body());
			if (answer.kind() == Frame.FAILURE) {
				throw new ServiceException(this + " failed the call: " + in.string(), ServiceException.REMOTE);
			}
			Object value = in.value();
			in.end();
			return value;
		} catch (ProtocolException refused) {
			throw new ServiceException("the answer of " + this + " was refused: " + refused.getMessage(),
					ServiceException.REMOTE, refused);
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
