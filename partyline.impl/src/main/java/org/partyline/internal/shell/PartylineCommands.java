package org.partyline.internal.shell;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.internal.HandlerEntry;
import org.partyline.internal.Switchboard;
import org.partyline.internal.TracedAnswer;
import org.partyline.internal.invite.ScanCounts;

/**
 * {@code partyline:participants}, {@code partyline:services}, {@code partyline:ask NAME [PAYLOAD]} and
 * {@code partyline:scans}. Gogo finds
 * them by the {@code osgi.command.*} properties; there is no compile-time dependency on the shell.
 */
@Component(service = PartylineCommands.class, property = { "osgi.command.scope=partyline",
		"osgi.command.function=participants", "osgi.command.function=services", "osgi.command.function=ask",
		"osgi.command.function=scans" })
public final class PartylineCommands {

	private final Switchboard switchboard;
	private final Invitations invitations;
	private final ScanCounts scanCounts;

	@Activate
	public PartylineCommands(@Reference Switchboard switchboard, @Reference Invitations invitations,
			@Reference ScanCounts scanCounts) {
		this.switchboard = switchboard;
		this.invitations = invitations;
		this.scanCounts = scanCounts;
	}

	/** Every invited servlet: bundle, context path, pattern, outcome, handler names, time taken. */
	public String participants() {
		List<Invitation> all = invitations.list();
		if (all.isEmpty()) {
			return "No whiteboard servlet deployed.";
		}
		Table table = new Table("BUNDLE", "API", "CONTEXT", "PATTERN", "OUTCOME", "HANDLERS", "MS", "REASON");
		for (Invitation i : all) {
			table.row(i.bundleSymbolicName() + " [" + i.bundleId() + "]", i.servletApi(),
					i.contextPath().isEmpty() ? "/" : i.contextPath(), i.pattern(), i.outcome(),
					String.join(",", new java.util.TreeSet<>(i.handlerNames())), String.valueOf(i.duration().toMillis()),
					i.reason());
		}
		return table.toString();
	}

	/** Every service name with its handlers in precedence order: owner bundle and ranking. */
	public String services() {
		Map<String, List<HandlerEntry>> handlers = switchboard.handlers();
		if (handlers.isEmpty()) {
			return "No handler connected.";
		}
		Table table = new Table("SERVICE NAME", "#", "BUNDLE", "RANKING", "SERVICE ID");
		handlers.forEach((name, entries) -> {
			for (int i = 0; i < entries.size(); i++) {
				HandlerEntry entry = entries.get(i);
				table.row(i == 0 ? name : "", String.valueOf(i + 1), entry.ownerName() + " [" + entry.ownerId() + "]",
						String.valueOf(entry.ranking()), String.valueOf(entry.serviceId()));
			}
		});
		return table.toString();
	}

	/** Asks around as a neutral caller and shows every handler's answer with the answering bundle. */
	public String ask(String serviceName, String payload) {
		List<TracedAnswer> answers;
		try {
			answers = switchboard.askTraced(serviceName, payload);
		} catch (NoSuchServiceName | IllegalArgumentException e) {
			return e.getMessage();
		}
		Table table = new Table("BUNDLE", "RANKING", "ANSWER");
		for (TracedAnswer answer : answers) {
			HandlerEntry entry = answer.handler();
			String shown = entry.isUnobtainable() ? "(passed over: the framework gave no object)"
					: answer.declined() ? "(declined)"
					: answer.failed() ? "(failed: " + answer.thrown() + ")" : String.valueOf(answer.answer());
			table.row(entry.ownerName() + " [" + entry.ownerId() + "]", String.valueOf(entry.ranking()), shown);
		}
		return answers.isEmpty() ? "No handler answers \"" + serviceName + "\"." : table.toString();
	}

	/** The inviter's work so far, one line: {@code scans 12, servlets read 3400, invitations sent 1000}. */
	public String scans() {
		return scanCounts.toString();
	}

	/** {@code partyline:ask NAME} with no payload. */
	public String ask(String serviceName) {
		return ask(serviceName, null);
	}
}
