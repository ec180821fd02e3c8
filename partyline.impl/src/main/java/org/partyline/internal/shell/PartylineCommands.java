package org.partyline.internal.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Reference;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Reply;
import org.partyline.internal.HandlerEntry;
import org.partyline.internal.Switchboard;
import org.partyline.internal.AsyncAsks;
import org.partyline.internal.invite.ScanCounts;

/**
 * {@code partyline:participants}, {@code partyline:services}, {@code partyline:ask [-d MS] NAME [PAYLOAD]} and
 * {@code partyline:scans}. Gogo finds them by the {@code osgi.command.*} properties; its option annotations are
 * imported optionally (without Gogo they are simply not there).
 */
@Component(service = PartylineCommands.class, property = { "osgi.command.scope=partyline",
		"osgi.command.function=participants", "osgi.command.function=services", "osgi.command.function=ask",
		"osgi.command.function=scans" })
public final class PartylineCommands {

	private final Switchboard switchboard;
	private final AsyncAsks asyncAsks;
	private final Invitations invitations;
	private final ScanCounts scanCounts;

	@Activate
	public PartylineCommands(@Reference Switchboard switchboard, @Reference AsyncAsks asyncAsks,
			@Reference Invitations invitations, @Reference ScanCounts scanCounts) {
		this.switchboard = switchboard;
		this.asyncAsks = asyncAsks;
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

	/**
	 * Asks around as a neutral caller and shows every handler's reply with its bundle; with a deadline, asks
	 * asynchronously and shows who was late.
	 */
	@Descriptor("ask every handler of a service name as a neutral caller; show each reply with its bundle")
	public String ask(
			@Descriptor("ask asynchronously, waiting at most this many milliseconds")
			@Parameter(names = { "-d", "--deadline" }, absentValue = "0") long deadlineMillis,
			@Descriptor("the service name") String serviceName,
			@Descriptor("the payload, a string") String payload) {
		List<Reply> replies;
		try {
			replies = deadlineMillis > 0
					? asyncAsks.repliesWithin(Switchboard.NEUTRAL_CALLER, serviceName, payload,
							Duration.ofMillis(deadlineMillis))
					: switchboard.replies(Switchboard.NEUTRAL_CALLER, serviceName, payload);
		} catch (NoSuchServiceName | IllegalArgumentException e) {
			return e.getMessage();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "Interrupted while waiting for the replies.";
		}
		if (replies.isEmpty()) {
			return "No handler answers \"" + serviceName + "\".";
		}
		Table table = new Table("BUNDLE", "RANKING", "SERVICE ID", "OUTCOME", "MS", "ANSWER");
		for (Reply reply : replies) {
			String shown = reply.isAnswered() ? String.valueOf(reply.answer())
					: Reply.FAILED.equals(reply.outcome()) ? String.valueOf(reply.failure()) : "";
			table.row(reply.bundleSymbolicName() + " [" + reply.bundleId() + "]", String.valueOf(reply.ranking()),
					String.valueOf(reply.serviceId()), reply.outcome(), String.valueOf(reply.duration().toMillis()),
					shown);
		}
		return table.toString();
	}

	/** The inviter's work so far, one line: {@code scans 12, servlets read 3400, invitations sent 1000}. */
	public String scans() {
		return scanCounts.toString();
	}

	/** {@code partyline:ask [-d MS] NAME} with no payload. */
	public String ask(@Parameter(names = { "-d", "--deadline" }, absentValue = "0") long deadlineMillis,
			String serviceName) {
		return ask(deadlineMillis, serviceName, null);
	}
}
