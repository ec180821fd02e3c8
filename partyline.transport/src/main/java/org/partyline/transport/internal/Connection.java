package org.partyline.transport.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open connection to a peer, proven on both sides, carrying any number of calls at once: each call's frame goes
 * out under the stream's lock, and one reader hands each answer to the call waiting for it. When the connection fails,
 * every call waiting on it fails with the cause, and the next call opens a new one.
 */
final class Connection {

	private final Socket socket;
	private final DataOutputStream out;
	private final DataInputStream in;
	private final Map<Long, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
	private final AtomicLong calls = new AtomicLong();
	private volatile IOException failure;

	private Connection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
		this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
	}

	/** Connects, proves this node and checks the peer's proof, and starts the reader. */
	static Connection open(InetSocketAddress peer, SharedSecret secret, int connectMillis) throws IOException {
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(peer.getHostString(), peer.getPort()), connectMillis); // resolved now
			socket.setSoTimeout(Listener.HANDSHAKE_MILLIS);
			Connection connection = new Connection(socket);
			Handshake.asCaller(connection.in, connection.out, secret);
			socket.setSoTimeout(0);
			Daemons.named("partyline-transport-to-" + peer.getHostString() + ":" + peer.getPort())
					.newThread(connection::readAnswers).start();
			return connection;
		} catch (IOException | RuntimeException failed) {
			socket.close();
			throw failed;
		}
	}

	boolean isOpen() {
		return failure == null;
	}

	/**
	 * Sends a call; its answer completes the future, on the reading thread, or the connection's failure fails it.
	 * A caller that stops waiting cancels it, which forgets the call.
	 */
	CompletableFuture<Frame> send(byte[] body) {
		long call = calls.incrementAndGet();
		CompletableFuture<Frame> answer = new CompletableFuture<>();
		answer.whenComplete((frame, failed) -> waiting.remove(call));
		waiting.put(call, answer);
		IOException failed = failure;
		if (failed != null) {
			answer.completeExceptionally(failed); // failed meanwhile: its waiting calls may have been failed already
			return answer;
		}
		try {
			synchronized (out) {
				new Frame(call, Frame.CALL, body).writeTo(out);
			}
		} catch (IOException e) {
			fail(e);
		}
		return answer;
	}

	private void readAnswers() {
		try {
			while (true) {
				Frame answer = Frame.read(in);
				CompletableFuture<Frame> call = waiting.get(answer.call());
				if (call != null) {
					call.complete(answer);
				} // else its caller stopped waiting
			}
		} catch (IOException e) {
			fail(e);
		}
	}

	/** Closes the connection and fails every call waiting on it with the cause. */
	void fail(IOException cause) {
		if (failure == null) {
			failure = cause;
		}
		try {
			socket.close();
		} catch (IOException alreadyBroken) {
			// closed either way
		}
		waiting.values().forEach(call -> call.completeExceptionally(cause));
	}
}
