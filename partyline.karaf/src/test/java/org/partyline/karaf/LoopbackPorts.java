package org.partyline.karaf;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The loopback ports a Karaf instance listens on, each free when chosen, so that runs side by side never clash. */
record LoopbackPorts(int ssh, int http, int rmiRegistry, int rmiServer) {

	static LoopbackPorts free() throws IOException {
		// held open together, so that the four are distinct
		try (ServerSocket ssh = open(); ServerSocket http = open(); ServerSocket registry = open();
				ServerSocket server = open()) {
			return new LoopbackPorts(ssh.getLocalPort(), http.getLocalPort(), registry.getLocalPort(),
					server.getLocalPort());
		}
	}

	/** One more free loopback port, for a partyline node's export. */
	static int freePort() throws IOException {
		try (ServerSocket socket = open()) {
			return socket.getLocalPort();
		}
	}

	private static ServerSocket open() throws IOException {
		return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
	}
}
