package org.partyline.transport.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The node's port: accepts peers' connections, lets each in only once it proved it holds the secret, then reads its
 * calls and answers each on a worker as soon as it is done. A connection that fails or lies ends alone; the port
 * keeps accepting until the transport stops. At rest every thread here waits in {@code accept} or {@code read}.
 */
final class Listener implements Closeable {

	/** Connections that have not proved themselves yet, at most: a flood of strangers cannot take every thread. */
	static final int HANDSHAKES_AT_ONCE = 16;
	/** A stranger that says nothing is dropped after this long. */
	static final int HANDSHAKE_MILLIS = 5_000;
	/**
	 * Calls of methods that answer at once (not later) running at a time, at most; beyond it such a call is refused at
	 * once, not queued behind hung ones.
	 */
	static final int CALLS_AT_ONCE = 32;
	private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final ServerSocket server;
	private final SharedSecret secret;
	private final ServedCall calls;
	private final Consumer<String> warnings;
	private final Semaphore handshakes = new Semaphore(HANDSHAKES_AT_ONCE);
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private final ThreadPoolExecutor connections;
	private final ThreadPoolExecutor workers;

	Listener(InetSocketAddress at, SharedSecret secret, ServedCall calls, Consumer<String> warnings)
			throws IOException {
		this.secret = secret;
		this.calls = calls;
		this.warnings = warnings;
		this.connections = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), Daemons.named("partyline-transport-peer"));
		this.workers = new ThreadPoolExecutor(0, CALLS_AT_ONCE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				Daemons.named("partyline-transport-call"));
		this.server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(at);
		Daemons.named("partyline-transport-listener").newThread(this::accept).start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** Connections open now, proven or not. */
	int openConnections() {
		return open.size();
	}

	private void accept() {
		while (!server.isClosed()) {
			Socket socket;
			try {
				socket = server.accept();
			} catch (IOException e) {
				if (!server.isClosed()) {
					warnings.accept("Partyline transport: accepting a connection failed: " + e);
					LockSupport.parkNanos(ACCEPT_RETRY_NANOS); // (out of file handles, say) not to spin on it
				}
				continue;
			}
			if (!handshakes.tryAcquire()) {
				closeQuietly(socket); // too many strangers at once: this one is not even greeted
				continue;
			}
			open.add(socket);
			try {
				connections.execute(() -> serve(socket));
			} catch (RejectedExecutionException stopped) {
				handshakes.release();
				closeQuietly(socket);
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
			DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
			try {
				socket.setSoTimeout(HANDSHAKE_MILLIS);
				Handshake.asListener(in, out, secret);
			} finally {
				handshakes.release();
			}
			socket.setSoTimeout(0);
			while (true) {
				Frame frame = Frame.read(in);
				if (frame.kind() != Frame.CALL) {
					throw new ProtocolException("a frame of kind " + frame.kind() + " where calls come");
				}
				dispatch(socket, out, frame);
			}
		} catch (Handshake.RefusedPeer refused) {
			warnings.accept("Partyline transport: refused " + socket.getRemoteSocketAddress() + ": "
					+ refused.getMessage());
		} catch (IOException ended) {
			// the peer closed or failed: only its own calls are concerned
		} finally {
			open.remove(socket);
		}
	}

	private void dispatch(Socket socket, DataOutputStream out, Frame call) {
		calls.serve(call, workers, CALLS_AT_ONCE, answer -> send(socket, out, answer));
	}

	private static void send(Socket socket, DataOutputStream out, Frame answer) {
		try {
			synchronized (out) {
				answer.writeTo(out);
			}
		} catch (IOException callerGone) {
			closeQuietly(socket); // its reader ends too; the other connections are untouched
		}
	}

	@Override
	public void close() {
		closeQuietly(server);
		open.forEach(Listener::closeQuietly);
		connections.shutdownNow();
		workers.shutdownNow();
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		} catch (IOException alreadyBroken) {
			// nothing left to release
		}
	}
}
