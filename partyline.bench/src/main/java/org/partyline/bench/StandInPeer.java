package org.partyline.bench;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Makes the bench's framework a partyline node whose one peer is a stand-in, as Aries RSA would import it: a service
 * of the node's own interface, marked imported. It says it has handlers of one name, none the bench asks, and counts
 * the asks it gets: none, when the node asks only the peers that have a name. No network is involved; what is
 * measured is what being a node with a peer adds to an ask of a name only this framework has.
 * <p>
 * The node's interface and Configuration Admin's are private to their bundles, so they are reached through the
 * bundles' class loaders, as a bundle of their own would.
 */
final class StandInPeer implements InvocationHandler {

	private static final String NODE_PID = "org.partyline.node";
	private static final String NODE_TYPE = "org.partyline.internal.node.PartylineNode";

	private final CountDownLatch greeted = new CountDownLatch(1);
	private final AtomicLong asks = new AtomicLong();
	private ServiceRegistration<?> registration;

	/** Configures the node and registers the stand-in as its imported peer; returns once the node knows its names. */
	static StandInPeer join(Party party) {
		StandInPeer peer = new StandInPeer();
		try {
			configureTheNode(party.felix.bundle("org.apache.felix.configadmin"), party.callerContext);
			Bundle impl = party.felix.bundle("partyline.impl");
			Class<?> nodeType = impl.loadClass(NODE_TYPE);
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("service.imported", "true");
			properties.put("endpoint.id", "partyline://stand-in:1/PartylineNode");
			peer.registration = impl.getBundleContext().registerService(NODE_TYPE,
					Proxy.newProxyInstance(nodeType.getClassLoader(), new Class<?>[] { nodeType }, peer), properties);
			if (!peer.greeted.await(EmbeddedFelix.PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("the node never said hello to its peer");
			}
			peer.awaitCatalogueTaken(party);
			return peer;
		} catch (ReflectiveOperationException | IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void configureTheNode(Bundle configAdmin, BundleContext context)
			throws ReflectiveOperationException, IOException {
		Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
		ServiceReference<?> reference = context.getServiceReference(adminType.getName());
		Object admin = context.getService(reference);
		try {
			Object configuration = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin,
					NODE_PID, "?");
			Dictionary<String, Object> node = new Hashtable<>();
			node.put("name", "bench");
			node.put("port", freePort());
			node.put("secret", "the-secret-of-the-bench-node");
			configAdmin.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class)
					.invoke(configuration, node);
		} finally {
			context.ungetService(reference);
		}
	}

	/** The hello's answer is taken after the stand-in returned it: asks reach the stand-in until then. */
	private void awaitCatalogueTaken(Party party) {
		long until = System.nanoTime() + EmbeddedFelix.PATIENCE.toNanos();
		while (System.nanoTime() < until) {
			long before = asks.get();
			party.partyline.askAround(Party.ANSWERING, Party.PAYLOAD);
			if (asks.get() == before) {
				return;
			}
		}
		throw new IllegalStateException("the node kept asking its peer for a name the peer does not have");
	}

	/** How many asks reached the stand-in. */
	long asks() {
		return asks.get();
	}

	/** Withdraws the stand-in, unless the framework is stopped already (its services went with it). */
	void leave() {
		try {
			registration.unregister();
		} catch (IllegalStateException frameworkStopped) {
			// gone already
		}
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] arguments) throws InvocationTargetException {
		switch (method.getName()) {
		case "hello":
			greeted.countDown();
			return said();
		case "catalog":
			return Map.of("node", "stand-in");
		case "ask":
			asks.incrementAndGet();
			Map<String, Object> answer = new HashMap<>();
			answer.put("node", "stand-in");
			answer.put("known", false);
			answer.put("replies", new ArrayList<>());
			return answer;
		case "equals":
			return proxy == arguments[0];
		case "hashCode":
			return System.identityHashCode(proxy);
		default:
			return "stand-in peer";
		}
	}

	/** Who the stand-in is, and its one name. */
	private static Map<String, Object> said() {
		Map<String, Object> said = new HashMap<>();
		said.put("node", "stand-in");
		said.put("endpoint", "partyline://stand-in:1/PartylineNode");
		said.put("incarnation", "bench");
		said.put("version", 1L);
		Map<String, Object> catalog = new HashMap<>();
		catalog.put("stand-in.only", new ArrayList<>(List.of("stand.in.app")));
		said.put("catalog", catalog);
		return said;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
