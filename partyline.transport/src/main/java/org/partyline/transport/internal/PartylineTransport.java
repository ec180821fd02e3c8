package org.partyline.transport.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.rsa.spi.DistributionProvider;
import org.apache.aries.rsa.spi.Endpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.remoteserviceadmin.EndpointDescription;
import org.osgi.service.remoteserviceadmin.RemoteConstants;
import org.partyline.api.PartylineConstants;

/**
 * The distribution provider Aries RSA's core hands exports and imports of type {@value #CONFIG_TYPE} to. It runs
 * while the node is configured, from the same configuration: it listens at the node's address and port, and reaches
 * each peer over one kept connection ({@link Link}). An endpoint's id is its address, {@code
 * partyline://HOST:PORT/INTERFACE}, so a node that restarts on its port keeps it and its peers' descriptions hold;
 * a call names the service by the id's path.
 */
@Component(service = DistributionProvider.class, configurationPid = PartylineConstants.NODE_CONFIGURATION_PID,
		configurationPolicy = ConfigurationPolicy.REQUIRE, property = {
				RemoteConstants.REMOTE_CONFIGS_SUPPORTED + "=" + PartylineTransport.CONFIG_TYPE,
				RemoteConstants.REMOTE_INTENTS_SUPPORTED + "=osgi.basic" })
public final class PartylineTransport implements DistributionProvider {

	static final String CONFIG_TYPE = "partyline.tcp";
	static final String SCHEME = "partyline";
	/** How long a call waits for its answer unless the endpoint says ({@code osgi.basic.timeout}). */
	static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

	private final Logger logger;
	/** The exported services by their endpoint ids' paths. */
	private final Map<String, ExportedService> exports = new ConcurrentHashMap<>();
	private volatile Listening listening;

	/** Where this node listens and with which secret, with its port and its links to the peers. */
	private record Listening(NodeSettings settings, String host, SharedSecret secret, Listener listener,
			Map<InetSocketAddress, Link> links) {

		void close() {
			listener.close();
			links.values().forEach(Link::close);
		}
	}

	@Activate
	public PartylineTransport(NodeSettings settings, @Reference(service = LoggerFactory.class) Logger logger)
			throws IOException {
		this.logger = logger;
		this.listening = listen(settings);
	}

	/**
	 * The node's configuration changed: the transport listens anew only if its address, port or secret did, and
	 * stays registered meanwhile, so Aries RSA keeps its imports and exports (the node re-exports if its port moved).
	 */
	@Modified
	void modified(NodeSettings settings) throws IOException {
		Listening current = listening;
		if (current.settings().port() == settings.port() && current.settings().address().equals(settings.address())
				&& current.settings().secret().equals(settings.secret())) {
			return;
		}
		current.close();
		listening = listen(settings);
	}

	private Listening listen(NodeSettings settings) throws IOException {
		SharedSecret secret = new SharedSecret(settings.secret());
		if (settings.port() < 1 || settings.port() > 65535) {
			throw new IllegalArgumentException("port " + settings.port() + " is not from 1 to 65535");
		}
		String host = settings.address().isBlank() ? "127.0.0.1" : settings.address().trim();
		Listener listener = new Listener(new InetSocketAddress(host, settings.port()), secret,
				new ServedCall(exports), logger::warn);
		logger.info("Partyline transport listening at {}:{}", host, settings.port());
		return new Listening(settings, host, secret, listener, new ConcurrentHashMap<>());
	}

	@Deactivate
	void deactivate() {
		listening.close();
		exports.clear();
	}

	@Override
	public String[] getSupportedTypes() {
		return new String[] { CONFIG_TYPE };
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Endpoint exportService(Object service, BundleContext serviceContext, Map<String, Object> properties,
			Class[] interfaces) {
		List<String> intents = new ArrayList<>(Intents.of(properties));
		intents.remove("osgi.basic");
		if (!intents.isEmpty()) {
			logger.warn("Partyline transport: {} asks for intents {} it does not offer; not exported",
					properties.get(RemoteConstants.ENDPOINT_ID), intents);
			return null;
		}
		Listening now = listening;
		String id = endpointId(now.host(), now.settings().port(), interfaces[0]);
		String path = pathOf(id);
		ExportedService exported = new ExportedService(service, interfaces);
		if (exports.putIfAbsent(path, exported) != null) {
			throw new IllegalStateException(id + " is exported already: one service per interface and node");
		}
		properties.put(RemoteConstants.ENDPOINT_ID, id);
		properties.put(RemoteConstants.SERVICE_IMPORTED_CONFIGS, getSupportedTypes());
		EndpointDescription description = new EndpointDescription(properties);
		return new Endpoint() {
			@Override
			public EndpointDescription description() {
				return description;
			}

			@Override
			public void close() {
				exports.remove(path, exported);
			}
		};
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Object importEndpoint(ClassLoader loader, BundleContext consumerContext, Class[] interfaces,
			EndpointDescription endpoint) {
		InetSocketAddress peer = addressOf(endpoint.getId());
		return Proxy.newProxyInstance(loader, interfaces, new RemoteService(pathOf(endpoint.getId()),
				() -> linkTo(peer), timeoutMillis(endpoint.getProperties()), interfaces));
	}

	/** The link to a peer with the secret in force now: a proxy asks for it on every call, as the secret may change. */
	private Link linkTo(InetSocketAddress peer) {
		Listening now = listening;
		return now.links().computeIfAbsent(peer, address -> new Link(address, now.secret()));
	}

	/** The id of the endpoint of a service exported at that address. */
	static String endpointId(String host, int port, Class<?> exported) {
		return SCHEME + "://" + host + ":" + port + "/" + exported.getSimpleName();
	}

	/**
	 * What names an exported service on its node: its endpoint id's path. Not the whole id, since a peer may reach
	 * the node by another host name than the one its export names (localhost for 127.0.0.1, say).
	 */
	static String pathOf(String endpointId) {
		return URI.create(endpointId).getPath();
	}

	/** The address in an endpoint id of this transport. */
	static InetSocketAddress addressOf(String endpointId) {
		URI uri = URI.create(endpointId);
		if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
			throw new IllegalArgumentException(endpointId + " is no endpoint of the partyline's transport ("
					+ SCHEME + "://HOST:PORT/...)");
		}
		String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
				: uri.getHost();
		return InetSocketAddress.createUnresolved(host, uri.getPort());
	}

	private static long timeoutMillis(Map<String, Object> properties) {
		Object given = properties.get("osgi.basic.timeout");
		try {
			long millis = given == null ? DEFAULT_TIMEOUT_MILLIS : Long.parseLong(String.valueOf(given).trim());
			return millis > 0 ? millis : DEFAULT_TIMEOUT_MILLIS;
		} catch (NumberFormatException notANumber) {
			return DEFAULT_TIMEOUT_MILLIS;
		}
	}
}
