package org.partyline.internal.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.PartylineConstants;
import org.partyline.api.Reply;
import org.partyline.internal.node.Node;
import org.partyline.internal.PartylineConfiguration;
import org.partyline.internal.SettingsInForce;
import org.partyline.internal.ask.Asks;
import org.partyline.internal.ask.Caller;
import org.partyline.internal.ask.Switchboard;

/**
 * The Partyline page of the Web Console, whichever servlet API serves it: renders the partyline's own state and runs
 * the ask form as a neutral caller. The console wraps a GET's output in its own page but hands a POST's response
 * through as it is, so the page after an ask is a small document of its own.
 */
@Component(service = ConsolePage.class, configurationPid = PartylineConstants.CONFIGURATION_PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ConsolePage {

	private static final Duration DEADLINE = Duration.ofSeconds(2);

	private final Invitations invitations;
	private final Switchboard switchboard;
	private final Asks asks;
	private final PageTokens tokens = new PageTokens();
	private volatile PartylineConfiguration config;
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile Node node;

	@Activate
	public ConsolePage(PartylineConfiguration config, @Reference Invitations invitations,
			@Reference Switchboard switchboard, @Reference Asks asks) {
		this.config = config;
		this.invitations = invitations;
		this.switchboard = switchboard;
		this.asks = asks;
	}

	@Modified
	void modified(PartylineConfiguration changed) {
		config = changed;
	}

	/** The page's content for a GET, for the console to wrap. */
	public ConsoleResponse show() {
		return new ConsoleResponse(200, ConsoleResponse.HTML, page(null, "", "").toString());
	}

	/**
	 * The ask form's POST: refused with 403 and nothing asked unless the token is one this page issued; otherwise
	 * the page again, with every handler's reply before the form.
	 */
	public ConsoleResponse ask(String token, String serviceName, String payload) {
		Optional<String> refusal = tokens.refusal(token, System.currentTimeMillis());
		if (refusal.isPresent()) {
			return new ConsoleResponse(403, ConsoleResponse.TEXT, "Refused, nothing was asked: " + refusal.get()
					+ ". Open the Partyline page of the console again and ask from there.");
		}
		Html replies = new Html();
		askAround(replies, serviceName == null ? "" : serviceName, payload);
		Html document = new Html().markup("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>Partyline"
				+ "</title></head><body>\n");
		document.markup(page(replies, serviceName == null ? "" : serviceName, payload == null ? "" : payload)
				.toString());
		return new ConsoleResponse(200, ConsoleResponse.HTML, document.markup("</body></html>\n").toString());
	}

	private Html page(Html replies, String serviceName, String payload) {
		Html html = new Html().markup("<div id=\"partyline\">\n");
		PageSections.participants(html, invitations.list());
		PageSections.services(html, switchboard.handlers());
		PageSections.configuration(html, SettingsInForce.all(config));
		Node current = node;
		if (current != null) {
			PageSections.node(html, current);
		}
		html.markup("<h2>Ask</h2>\n");
		if (replies != null) {
			html.markup(replies.toString());
		}
		PageSections.askForm(html, tokens.issue(System.currentTimeMillis()), serviceName, payload);
		return html.markup("</div>\n");
	}

	private void askAround(Html html, String serviceName, String payload) {
		if (serviceName.isEmpty()) {
			PageSections.noReplies(html, "Give a service name to ask.");
			return;
		}
		try {
			List<Reply> replies = asks.repliesWithin(Caller.NEUTRAL, serviceName, payload, DEADLINE);
			if (replies.isEmpty()) {
				PageSections.noReplies(html, "No handler answers \"" + serviceName + "\".");
			} else {
				PageSections.replies(html, replies);
			}
		} catch (NoSuchServiceName nobody) {
			PageSections.noReplies(html, nobody.getMessage());
		} catch (RuntimeException failed) {
			PageSections.noReplies(html, String.valueOf(failed));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			PageSections.noReplies(html, "The ask was interrupted.");
		}
	}
}
