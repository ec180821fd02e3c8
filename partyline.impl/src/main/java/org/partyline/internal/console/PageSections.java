package org.partyline.internal.console;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.partyline.api.Invitation;
import org.partyline.api.Reply;
import org.partyline.internal.node.Node;
import org.partyline.internal.node.PeerStatus;
import org.partyline.internal.handlers.HandlerEntry;

/** The sections of the page, in the order the page contract gives; each writes into one {@link Html}. */
final class PageSections {

	private PageSections() {
	}

	static void participants(Html html, List<Invitation> invitations) {
		html.markup("<h2>Participants</h2>\n");
		if (invitations.isEmpty()) {
			html.markup("<p id=\"no-participants\">No whiteboard servlet has been invited yet.</p>\n");
			return;
		}
		html.table("participants", "Bundle", "API", "Context", "Pattern", "Outcome", "Reason", "Handlers",
				"Invited at", "ms");
		for (Invitation i : invitations) {
			String path = i.contextPath().isEmpty() ? "/" : i.contextPath();
			html.row("participant", bundle(i.bundleSymbolicName(), i.bundleId()), i.servletApi(),
					path + " (" + i.contextName() + ")", i.pattern(), i.outcome(), i.reason(),
					String.join(", ", new TreeSet<>(i.handlerNames())),
					i.invitedAt().truncatedTo(ChronoUnit.MILLIS), i.duration().toMillis());
		}
		html.endTable();
	}

	static void services(Html html, Map<String, List<HandlerEntry>> handlers) {
		html.markup("<h2>Service names</h2>\n");
		if (handlers.isEmpty()) {
			html.markup("<p id=\"no-services\">No handler is connected.</p>\n");
			return;
		}
		html.table("services", "Service name", "#", "Bundle", "Ranking", "Service id", "Object");
		handlers.forEach((name, entries) -> {
			for (int i = 0; i < entries.size(); i++) {
				HandlerEntry entry = entries.get(i);
				html.row("handler", name, i + 1, bundle(entry.ownerName(), entry.ownerId()), entry.ranking(),
						entry.serviceId(), entry.isUnobtainable() ? "not obtainable" : "got");
			}
		});
		html.endTable();
	}

	static void configuration(Html html, Map<String, Object> settings) {
		html.markup("<h2>Configuration</h2>\n<table id=\"configuration\" class=\"nicetable\"><tbody>\n");
		settings.forEach((key, value) -> html.markup("<tr class=\"setting\"><th scope=\"row\">").text(key)
				.markup("</th><td>").text(value).markup("</td></tr>\n"));
		html.markup("</tbody></table>\n");
	}

	/** The replies of an ask, or why there are none. */
	static void replies(Html html, List<Reply> replies) {
		html.table("replies", "Bundle", "Outcome", "Answer", "ms", "Node");
		for (Reply reply : replies) {
			html.row("reply", reply.bundleId() < 0 ? "-" : bundle(reply.bundleSymbolicName(), reply.bundleId()),
					reply.outcome(), shown(reply), reply.duration().toMillis(),
					reply.node().isEmpty() ? "(local)" : reply.node());
		}
		html.endTable();
	}

	/** This framework's node and its peers as last contacted, when it is a node. */
	static void node(Html html, Node node) {
		html.markup("<h2>Node</h2>\n<p id=\"node\">").text(node.name() + " at " + node.endpoint());
		if (node.refusal() != null) {
			html.markup("</p>\n<p id=\"node-refusal\">").text("Does not run: " + node.refusal()).markup("</p>\n");
			return;
		}
		html.markup("</p>\n");
		List<PeerStatus> peers = node.statuses();
		if (peers.isEmpty()) {
			html.markup("<p id=\"no-peers\">No peer is configured.</p>\n");
			return;
		}
		html.table("peers", "Peer", "Node", "State", "Detail");
		for (PeerStatus peer : peers) {
			html.row("peer", peer.endpoint(), peer.node().isEmpty() ? "?" : peer.node(),
					peer.reached() ? "reached" : "unreached", peer.detail());
		}
		html.endTable();
	}

	static void noReplies(Html html, String why) {
		html.markup("<p id=\"no-replies\">").text(why).markup("</p>\n");
	}

	/** The ask form; after an ask it keeps what was asked, so asking again is one click. */
	static void askForm(Html html, String token, String serviceName, String payload) {
		html.markup("<form id=\"ask\" method=\"post\">\n<label>Service name <input name=\"serviceName\" value=\"")
				.text(serviceName).markup("\"></label>\n<label>Payload <input name=\"payload\" value=\"").text(payload)
				.markup("\"></label>\n<input type=\"hidden\" name=\"token\" value=\"").text(token)
				.markup("\">\n<button id=\"ask-submit\" type=\"submit\">Ask</button>\n</form>\n");
	}

	private static String shown(Reply reply) {
		if (reply.isAnswered()) {
			return String.valueOf(reply.answer());
		}
		if (Reply.FAILED.equals(reply.outcome()) && reply.failure() != null) {
			Throwable failure = reply.failure();
			return failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
		}
		return "";
	}

	private static String bundle(String symbolicName, long id) {
		return symbolicName + " [" + id + "]";
	}
}
