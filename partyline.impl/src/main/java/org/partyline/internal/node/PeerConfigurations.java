package org.partyline.internal.node;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;

/**
 * The peers as Aries RSA's configuration discovery reads them: one factory configuration per peer, describing the
 * endpoint its node exports, so that the topology manager imports it. Written when the node starts, deleted when
 * it stops; those a node left behind (its JVM was killed) are deleted when it starts again.
 */
final class PeerConfigurations {

	static final String DISCOVERY_FACTORY_PID = "org.apache.aries.rsa.discovery.config";
	/** Marks the configurations a node wrote, with the peer's {@code host:port}. */
	static final String PEER = "partyline.node.peer";

	/**
	 * How long a call to a peer may wait for its answer at the socket. Asks stop waiting at their deadline; this
	 * only frees a thread held by a peer that accepted the call and then hung.
	 */
	private static final int READ_TIMEOUT_MILLIS = 10_000;

	private final ConfigurationAdmin configurationAdmin;
	private final Logger logger;

	PeerConfigurations(ConfigurationAdmin configurationAdmin, Logger logger) {
		this.configurationAdmin = configurationAdmin;
		this.logger = logger;
	}

	/** Describes each peer's endpoint, after deleting descriptions of peers no longer configured. */
	void describe(List<PeerAddress> peers) {
		deleteAllBut(peers);
		for (PeerAddress peer : peers) {
			Hashtable<String, Object> endpoint = new Hashtable<>();
			endpoint.put("objectClass", new String[] { PartylineNode.class.getName() });
			endpoint.put("endpoint.id", peer.endpoint());
			endpoint.put("endpoint.framework.uuid", "partyline-peer-" + peer);
			endpoint.put("endpoint.service.id", 1L);
			endpoint.put("service.imported.configs", Node.CONFIG_TYPE);
			endpoint.put("osgi.basic.timeout", READ_TIMEOUT_MILLIS);
			endpoint.put(PEER, peer.toString());
			try {
				configurationAdmin.getFactoryConfiguration(DISCOVERY_FACTORY_PID, "partyline-" + peer.host() + "-"
						+ peer.port(), "?").updateIfDifferent(endpoint);
			} catch (IOException e) {
				logger.error("Could not describe peer {} for Aries RSA's discovery", peer, e);
			}
		}
	}

	/** Deletes every peer description a node wrote, but those of {@code kept}. */
	void deleteAllBut(List<PeerAddress> kept) {
		Configuration[] written;
		try {
			written = configurationAdmin.listConfigurations(
					"(&(service.factoryPid=" + DISCOVERY_FACTORY_PID + ")(" + PEER + "=*))");
		} catch (IOException | InvalidSyntaxException e) {
			logger.error("Could not list the peer descriptions", e);
			return;
		}
		for (Configuration configuration : written == null ? new Configuration[0] : written) {
			Object peer = configuration.getProperties() == null ? null : configuration.getProperties().get(PEER);
			if (kept.stream().noneMatch(address -> address.toString().equals(peer))) {
				try {
					configuration.delete();
				} catch (IOException | IllegalStateException e) {
					logger.warn("Could not delete the description of peer {}", peer, e);
				}
			}
		}
	}
}
