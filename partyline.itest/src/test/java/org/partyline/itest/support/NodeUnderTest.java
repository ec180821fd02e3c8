package org.partyline.itest.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partyline.api.PartylineConstants;

/**
 * This framework's partyline as a node on a free loopback port, listing itself among its peers as
 * {@code localhost:PORT}: every ask then also crosses the partyline's transport into this same framework, and its
 * replies come back naming the node {@value #NAME}. Further peers may be added, for peers that do not answer.
 */
public final class NodeUnderTest implements AutoCloseable {

	public static final String NAME = "itest-node";
	/** The secret the node is configured with: a test that knows it can pass the handshake as a peer would. */
	public static final String SECRET = "itest-secret-of-the-partyline";
	private static final String VIEW = "(partyline.node.endpoint=*)";

	private final BundleContext context;
	private final ServiceReference<ConfigurationAdmin> admin;
	private final Configuration configuration;
	private final int port;
	private int generation;

	public NodeUnderTest(BundleContext context) throws IOException {
		this.context = context;
		this.admin = Participants.reference(context, ConfigurationAdmin.class);
		this.configuration = context.getService(admin).getConfiguration(PartylineConstants.NODE_CONFIGURATION_PID, "?");
		this.port = freePort();
	}

	public int port() {
		return port;
	}

	/** This node as its own peer's replies name it. */
	public String selfPeer() {
		return NAME + "@" + endpoint("localhost");
	}

	/** The endpoint id of this node's service at that host, as the partyline's transport names it. */
	public String endpoint(String host) {
		return "partyline://" + host + ":" + port + "/PartylineNode";
	}

	/** Configures the node with these peers besides itself, plus the given settings as key, value pairs. */
	public void configure(List<String> otherPeers, Object... settings) throws IOException {
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put("name", NAME);
		properties.put("port", port);
		properties.put("secret", SECRET);
		// its only peer is itself, whose applications are all here too: only so does an ask cross at all
		properties.put("askPeersForApplicationsHere", true);
		String[] peers = new String[otherPeers.size() + 1];
		peers[0] = "localhost:" + port;
		for (int i = 0; i < otherPeers.size(); i++) {
			peers[i + 1] = otherPeers.get(i);
		}
		properties.put("peers", peers);
		for (int i = 0; i + 1 < settings.length; i += 2) {
			properties.put((String) settings[i], settings[i + 1]);
		}
		properties.put("itest.generation", ++generation);
		configuration.update(properties);
		// the node's component service carries its configuration's properties once it runs with it
		String applied = "(&(service.pid=" + PartylineConstants.NODE_CONFIGURATION_PID + ")(itest.generation="
				+ generation + "))";
		await("the node configured").atMost(Participants.PATIENCE)
				.until(() -> context.getServiceReferences((String) null, applied) != null);
	}

	/** How many of Aries RSA's discovery configurations describe peers. */
	public static int peerDescriptions(BundleContext context) throws IOException, InvalidSyntaxException {
		ServiceReference<ConfigurationAdmin> admin = Participants.reference(context, ConfigurationAdmin.class);
		try {
			Configuration[] found = context.getService(admin).listConfigurations(
					"(&(service.factoryPid=org.apache.aries.rsa.discovery.config)(partyline.node.peer=*))");
			return found == null ? 0 : found.length;
		} finally {
			context.ungetService(admin);
		}
	}

	/** The node's view service, once present: its properties say what it knows. */
	public ServiceReference<?> view() {
		return await("the node's view").atMost(Participants.PATIENCE).until(() -> viewOrNull(), r -> r != null);
	}

	/** Waits until the node runs and reached itself as a peer, with every peer listed as given. */
	public void awaitReached(String... reached) {
		await("node reached " + Arrays.toString(reached)).atMost(Participants.PATIENCE).untilAsserted(() -> {
			ServiceReference<?> view = viewOrNull();
			assertNotNull(view, "the node's view");
			assertTrue(view.getProperty("partyline.node.refusal") == null
					&& Arrays.asList((String[]) view.getProperty("partyline.node.reached"))
							.containsAll(Arrays.asList(reached)), () -> describe(view));
		});
	}

	private static String describe(ServiceReference<?> view) {
		return "refusal " + view.getProperty("partyline.node.refusal") + ", reached "
				+ Arrays.toString((String[]) view.getProperty("partyline.node.reached")) + ", unreached "
				+ Arrays.toString((String[]) view.getProperty("partyline.node.unreached"));
	}

	public ServiceReference<?> viewOrNull() throws InvalidSyntaxException {
		ServiceReference<?>[] views = context.getServiceReferences((String) null, VIEW);
		return views == null ? null : views[0];
	}

	/** Deletes the configuration: the node stops. */
	@Override
	public void close() throws IOException {
		try {
			configuration.delete();
		} finally {
			context.ungetService(admin);
		}
	}

	/** A port nothing listens on, as far as anyone can tell. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
