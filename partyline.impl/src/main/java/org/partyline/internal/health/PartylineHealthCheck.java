package org.partyline.internal.health;

import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;
import org.partyline.internal.node.Node;
import org.partyline.internal.node.PeerStatus;
import org.partyline.internal.ask.Switchboard;
import org.partyline.internal.handlers.HandlerEntry;

/**
 * Whether the partyline serves: CRITICAL when it does not, WARN naming each servlet whose invitation failed, and,
 * on a node, why the node does not run or which peers its last calls did not reach; OK otherwise. The log counts
 * the participants, the handlers and the peers.
 * <p>
 * Serving means a bundle can get a {@link Partyline} (its service is registered, so the switchboard, the
 * asynchronous asks and the inviter behind it are active) and the invitation book is there. Each is an optional
 * reference, so the check stays up to say which is missing; the Partyline service is referenced, never got.
 */
@Component(service = HealthCheck.class, property = { HealthCheck.NAME + "=Partyline",
		HealthCheck.TAGS + "=partyline", HealthCheck.TAGS + "=systemready" })
public final class PartylineHealthCheck implements HealthCheck {

	@Reference(service = Partyline.class, cardinality = ReferenceCardinality.OPTIONAL,
			policy = ReferencePolicy.DYNAMIC)
	private volatile ServiceReference<Partyline> partyline;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile Switchboard switchboard;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile Invitations invitations;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile Node node;

	@Activate
	public PartylineHealthCheck() {
		// every reference is dynamic: they come and go while the check stays up
	}

	@Override
	public Result execute() {
		FormattingResultLog log = new FormattingResultLog();
		Switchboard handlers = switchboard;
		Invitations book = invitations;
		if (partyline == null) {
			log.critical("The partyline is not serving: no Partyline service is registered (is a component of "
					+ "partyline.impl unsatisfied? see scr:list)");
		}
		if (handlers == null || book == null) {
			log.critical("The partyline is not serving: its {} is not active",
					handlers == null ? "switchboard" : "invitation book");
		}
		if (book != null) {
			participants(log, book.list());
		}
		if (handlers != null) {
			handlers(log, handlers.handlers());
		}
		Node current = node;
		if (current != null) {
			node(log, current);
		}
		return new Result(log);
	}

	/** The peers as last contacted: a check contacts none, so it never waits on the network. */
	private static void node(FormattingResultLog log, Node node) {
		if (node.refusal() != null) {
			log.warn("The partyline node {} does not run: {}", node.name(), node.refusal());
			return;
		}
		List<PeerStatus> peers = node.statuses();
		int reached = 0;
		for (PeerStatus peer : peers) {
			if (peer.reached()) {
				reached++;
			} else {
				log.warn("Peer {} of node {} was not reached: {}", peer.endpoint(), node.name(), peer.detail());
			}
		}
		log.info("Node {} at {}: {} of {} peers reached", node.name(), node.endpoint(), reached, peers.size());
	}

	private static void participants(FormattingResultLog log, List<Invitation> invited) {
		int joined = 0;
		int failed = 0;
		for (Invitation invitation : invited) {
			if (Invitation.JOINED.equals(invitation.outcome())) {
				joined++;
			} else if (Invitation.FAILED.equals(invitation.outcome())) {
				failed++;
				log.warn("The invitation of servlet {} of {} [{}] at {} failed: {}", invitation.servletName(),
						invitation.bundleSymbolicName(), invitation.bundleId(), invitation.route(),
						invitation.reason());
			}
		}
		log.info("Participants: {} servlets invited, {} joined, {} failed", invited.size(), joined, failed);
	}

	private static void handlers(FormattingResultLog log, Map<String, List<HandlerEntry>> byName) {
		int count = 0;
		for (List<HandlerEntry> entries : byName.values()) {
			count += entries.size();
		}
		log.info("Handlers: {} connected under {} service names", count, byName.size());
	}
}
