package org.partyline.internal.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.partyline.api.PartylineConstants;
import org.partyline.internal.NamedThreads;
import org.partyline.internal.ask.Asks;
import org.partyline.internal.ask.Peer;
import org.partyline.internal.ask.Peers;
import org.partyline.internal.ask.Switchboard;

/**
 * This framework's partyline as a node: present only while {@value PartylineConstants#NODE_CONFIGURATION_PID} is
 * configured. It exports one service ({@link NodeEndpoint}) through the partyline's transport (configuration type
 * {@value #CONFIG_TYPE}, bundle {@code partyline.transport}, which reads the same configuration), describes each
 * configured peer to Aries RSA's configuration discovery, and joins the peers Aries RSA imports to the asks
 * ({@link Asks#join}). Stopping it withdraws all three.
 * <p>
 * It refuses to run (and says why, in the log and in its {@link NodeView}) without a secret, or with a port or peer
 * that is no address.
 */
@Component(service = Node.class, immediate = true, configurationPid = PartylineConstants.NODE_CONFIGURATION_PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NodeConfiguration.class)
public final class Node implements Peers {

	/** The configuration type of the partyline's transport, a distribution provider for Aries RSA. */
	static final String CONFIG_TYPE = "partyline.tcp";
	/** As the transport requires it: shorter secrets are guessed. */
	static final int SECRET_MINIMUM_LENGTH = 16;
	private static final Peer[] NO_PEERS = new Peer[0];
	/** A hello waits at most this long for a peer; it runs off the caller's thread. */
	private static final Duration HELLO_DEADLINE = Duration.ofSeconds(5);

	private final Logger logger;
	private final Asks asks;
	private final String name;
	private final String endpoint;
	private final Duration deadline;
	private final NodeView view;
	private final ThreadPoolExecutor hellos;
	private final List<PeerAddress> configured;
	private final PeerConfigurations descriptions;
	private final String refusal;
	private final boolean leavesOutApplicationsHere;
	private final OwnCatalog catalog;
	private ServiceRegistration<PartylineNode> exported;
	private ServiceTracker<PartylineNode, ImportedPeer> imported;
	private volatile Peer[] peers = NO_PEERS;
	private volatile List<ImportedPeer> peerList = List.of();

	@Activate
	public Node(BundleContext context, NodeConfiguration config, @Reference Asks asks,
			@Reference Switchboard switchboard, @Reference ConfigurationAdmin configurationAdmin,
			@Reference(service = LoggerFactory.class) Logger logger) {
		this.logger = logger;
		this.asks = asks;
		String address = config.address().isBlank() ? "127.0.0.1" : config.address().trim();
		this.endpoint = new PeerAddress(address, config.port()).endpoint();
		this.name = config.name().isBlank() ? address + ":" + config.port() : config.name().trim();
		this.deadline = Duration.ofMillis(config.deadlineMillis() > 0 ? config.deadlineMillis()
				: NodeConfiguration.DEFAULT_DEADLINE_MILLIS);
		this.view = new NodeView(context, name, endpoint);
		this.hellos = new ThreadPoolExecutor(0, 4, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				NamedThreads.daemons("partyline-node"));
		this.descriptions = new PeerConfigurations(configurationAdmin, logger);
		this.leavesOutApplicationsHere = !config.askPeersForApplicationsHere();
		this.catalog = new OwnCatalog(name, endpoint, switchboard, () -> peerList, hellos);
		List<PeerAddress> peersConfigured = List.of();
		Optional<String> refusal = Optional.empty();
		try {
			if (config.secret() == null || config.secret().strip().length() < SECRET_MINIMUM_LENGTH) {
				throw new IllegalArgumentException("no secret: set secret (" + SECRET_MINIMUM_LENGTH
						+ " characters or more, the same on every node) in " + PartylineConstants.NODE_CONFIGURATION_PID);
			}
			if (config.port() < 1 || config.port() > 65535) {
				throw new IllegalArgumentException("port " + config.port() + " is not from 1 to 65535");
			}
			peersConfigured = withoutSelf(PeerAddress.parse(config.peers()), address, config.port());
		} catch (IllegalArgumentException malformed) {
			refusal = Optional.of(malformed.getMessage());
		}
		this.configured = peersConfigured;
		this.refusal = refusal.orElse(null);
		if (refusal.isPresent()) {
			logger.error("Partyline node {} does not run: {}", name, refusal.get());
			view.refused(refusal.get());
			return;
		}
		int callsPerPeer = config.callsPerPeer() > 0 ? config.callsPerPeer() : NodeConfiguration.DEFAULT_CALLS_PER_PEER;
		this.exported = context.registerService(PartylineNode.class,
				new NodeEndpoint(name, endpoint, asks, this::heardFrom, catalog::message, logger), exportProperties());
		this.imported = new ServiceTracker<>(context, PartylineNode.class, new Imports(context, callsPerPeer));
		imported.open();
		descriptions.describe(configured);
		catalog.start();
		asks.join(this);
		logger.info("Partyline node {} exported at {}; peers {}", name, endpoint, configured);
	}

	@Deactivate
	void deactivate() {
		catalog.stop();
		asks.leave(this);
		if (imported != null) {
			imported.close();
		}
		if (exported != null) {
			try {
				exported.unregister();
			} catch (IllegalStateException alreadyGone) {
				// withdrawn with the bundle
			}
			descriptions.deleteAllBut(List.of());
		}
		hellos.shutdownNow();
		view.unregister();
	}

	private Hashtable<String, Object> exportProperties() {
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put("service.exported.interfaces", PartylineNode.class.getName());
		properties.put("service.exported.configs", CONFIG_TYPE);
		properties.put(NodeView.NAME, name);
		return properties;
	}

	private List<PeerAddress> withoutSelf(List<PeerAddress> peers, String address, int port) {
		List<PeerAddress> others = new ArrayList<>(peers);
		if (others.removeIf(peer -> peer.port() == port && peer.host().equals(address))) {
			logger.warn("Partyline node {}: its own address is among its peers; left out", name);
		}
		return others;
	}

	@Override
	public Peer[] peers() {
		return peers;
	}

	@Override
	public Duration deadline() {
		return deadline;
	}

	@Override
	public Object wired(Object payload) {
		return WireValues.wired(payload, "the payload");
	}

	/** Why this node does not run, or {@code null} when it does. */
	public String refusal() {
		return refusal;
	}

	/** Says hello to every peer now, waiting for all at most {@code within}: the peers as they are, in order. */
	public List<PeerStatus> probe(Duration within) {
		List<ImportedPeer> now = peerList;
		List<CompletableFuture<Boolean>> calls = new ArrayList<>();
		for (ImportedPeer peer : now) {
			calls.add(CompletableFuture.supplyAsync(() -> peer.hello(catalog.message()), hellos));
		}
		try {
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(within.toMillis(),
					TimeUnit.MILLISECONDS);
		} catch (TimeoutException | ExecutionException slowOrFailed) {
			// a peer that did not answer in time keeps the state it had
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		return statuses();
	}

	/** The peers as the last call to each left them, in order; contacts none. */
	public List<PeerStatus> statuses() {
		List<PeerStatus> statuses = new ArrayList<>();
		for (ImportedPeer peer : peerList) {
			ImportedPeer.State state = peer.state();
			statuses.add(new PeerStatus(peer.endpoint(), state.node(), state.reached(), state.detail(), peer.names(),
					peer.asked()));
		}
		return statuses;
	}

	public String name() {
		return name;
	}

	public String endpoint() {
		return endpoint;
	}

	/**
	 * A peer said hello, or sent its catalog: it is up, and has what it says. Known by its endpoint, or by its name
	 * when it reached this node under another address than it was configured here with (localhost, a NAT).
	 */
	private void heardFrom(Map<String, Object> message) {
		String peerEndpoint = message.get(PartylineNode.ENDPOINT) instanceof String given ? given : "";
		String peerName = message.get(PartylineNode.NODE) instanceof String given ? given : "";
		for (ImportedPeer peer : peerList) {
			if (peer.endpoint().equals(peerEndpoint) || !peerName.isEmpty() && peerName.equals(peer.state().node())) {
				peer.heardFrom(peerName);
				peer.learn(message);
			}
		}
	}

	@Override
	public boolean leavesOutApplicationsHere() {
		return leavesOutApplicationsHere;
	}

	private void peersChanged() {
		view.peers(peerList);
	}

	/** The order of the configured peers is the order of their replies. */
	private int rank(ImportedPeer peer) {
		for (int i = 0; i < configured.size(); i++) {
			if (configured.get(i).endpoint().equals(peer.endpoint())) {
				return i;
			}
		}
		return configured.size();
	}

	private synchronized void rebuild(ImportedPeer added, ImportedPeer removed) {
		List<ImportedPeer> next = new ArrayList<>(peerList);
		if (added != null) {
			next.add(added);
		}
		next.remove(removed);
		next.sort(Comparator.comparingInt(this::rank));
		peerList = List.copyOf(next);
		peers = next.toArray(Peer[]::new);
		peersChanged();
	}

	/** The peers Aries RSA imports, each said hello to at once; this node's own export is no peer. */
	private final class Imports implements ServiceTrackerCustomizer<PartylineNode, ImportedPeer> {

		private final BundleContext context;
		private final int callsPerPeer;

		Imports(BundleContext context, int callsPerPeer) {
			this.context = context;
			this.callsPerPeer = callsPerPeer;
		}

		@Override
		public ImportedPeer addingService(ServiceReference<PartylineNode> reference) {
			if (reference.getProperty("service.imported") == null
					|| !(reference.getProperty("endpoint.id") instanceof String peerEndpoint)) {
				return null;
			}
			PartylineNode proxy = context.getService(reference);
			if (proxy == null) {
				return null;
			}
			ImportedPeer peer = new ImportedPeer(peerEndpoint, proxy, callsPerPeer, Node.this::peersChanged);
			rebuild(peer, null);
			hellos.execute(() -> peer.hello(catalog.message()));
			return peer;
		}

		@Override
		public void modifiedService(ServiceReference<PartylineNode> reference, ImportedPeer peer) {
			// its endpoint is what identifies it, and that does not change
		}

		@Override
		public void removedService(ServiceReference<PartylineNode> reference, ImportedPeer peer) {
			rebuild(null, peer);
			try {
				context.ungetService(reference);
			} catch (IllegalStateException stopping) {
				// our context is gone: the framework released it
			}
		}
	}
}
