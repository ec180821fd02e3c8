package org.partyline.internal.shell;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.partyline.api.PartylineConstants;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Reply;
import org.partyline.internal.invite.ScanCounts;
import org.partyline.internal.node.Node;
import org.partyline.internal.node.PeerStatus;
import org.partyline.internal.ask.Asks;
import org.partyline.internal.ask.Caller;
import org.partyline.internal.ask.Switchboard;
import org.partyline.internal.handlers.HandlerEntry;

/**
 * {@code partyline:participants}, {@code partyline:services},
 * {@code partyline:ask [-d MS] [-n TIMES [-t THREADS]] [-a BUNDLE] NAME [PAYLOAD]}, {@code partyline:scans} and
 * {@code partyline:nodes}. Gogo finds them by the {@code osgi.command.*} properties; its option annotations are
 * imported optionally (without Gogo they are simply not there).
 */
@Component(service = PartylineCommands.class, property = { "osgi.command.scope=partyline",
		"osgi.command.function=participants", "osgi.command.function=services", "osgi.command.function=ask",
		"osgi.command.function=scans", "osgi.command.function=nodes" })
public final class PartylineCommands {

	private final BundleContext context;
	private final Switchboard switchboard;
	private final Asks asks;
	private final Invitations invitations;
	private final ScanCounts scanCounts;
	/** Shown in the NODE column for this framework's own handlers. */
	private static final String LOCAL = "(local)";
	private static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);
	/** The descriptions of ask's options, the same in both its forms. */
	private static final String DEADLINE = "ask asynchronously, waiting at most this many milliseconds";
	private static final String TIMES = "ask this many times and show the times taken, not the replies";
	private static final String THREADS = "with --times: ask on this many threads at once";
	private static final String AS = "ask as the bundle of this id: its handlers are left out here, and on other nodes"
			+ " those of bundles of its symbolic name";
	private static final String SERVICE_NAME = "the service name";
	/** Karaf's help asks a command that is not its own for this option (see CommandUsage). */
	private static final String HELP_OPTION = "--help";
	private static final String HELP = "show this help";

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile Node node;

	@Activate
	public PartylineCommands(BundleContext context, @Reference Switchboard switchboard,
			@Reference Asks asks, @Reference Invitations invitations, @Reference ScanCounts scanCounts) {
		this.context = context;
		this.switchboard = switchboard;
		this.asks = asks;
		this.invitations = invitations;
		this.scanCounts = scanCounts;
	}

	/** Every invited servlet: bundle, context path, pattern, outcome, handler names, time taken. */
	@Descriptor("show every whiteboard servlet the partyline has seen: its bundle, servlet API, context, pattern, the"
			+ " outcome of its invitation (joined, declined or failed), the handlers it connected, the time its"
			+ " invitation took and the reason of a decline or failure")
	public String participants(
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help) {
		if (help) {
			return usage("participants");
		}
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
	@Descriptor("show every service name with its handlers in the order they answer (highest service.ranking first):"
			+ " each handler's bundle, ranking and service id")
	public String services(
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help) {
		if (help) {
			return usage("services");
		}
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
	 * Asks around as a neutral caller and shows every handler's reply with its node and bundle; with a deadline, asks
	 * asynchronously and shows who was late; asked several times, shows how long the asks took instead.
	 */
	@Descriptor("ask every handler of a service name as a neutral caller; show each reply with its node and bundle")
	public String ask(
			@Descriptor(DEADLINE) @Parameter(names = { "-d", "--deadline" }, absentValue = "0") long deadlineMillis,
			@Descriptor(TIMES) @Parameter(names = { "-n", "--times" }, absentValue = "1") int times,
			@Descriptor(THREADS) @Parameter(names = { "-t", "--threads" }, absentValue = "1") int threads,
			@Descriptor(AS) @Parameter(names = { "-a", "--as" }, absentValue = "-1") long asBundle,
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help,
			@Descriptor(SERVICE_NAME) String serviceName,
			@Descriptor("the payload, a string") String payload) {
		if (help) {
			return usage("ask");
		}
		Bundle caller = asBundle < 0 ? null : context.getBundle(asBundle);
		if (asBundle >= 0 && caller == null) {
			return "No bundle has the id " + asBundle + ".";
		}
		Caller asker = caller == null ? Caller.NEUTRAL : Caller.of(caller);
		if (times > 1 || threads > 1) {
			return AskTimes.measure(times, threads, () -> replies(asker, deadlineMillis, serviceName, payload));
		}
		List<Reply> replies;
		try {
			replies = replies(asker, deadlineMillis, serviceName, payload);
		} catch (NoSuchServiceName | IllegalArgumentException e) {
			return e.getMessage();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "Interrupted while waiting for the replies.";
		}
		if (replies.isEmpty()) {
			return "No handler answers \"" + serviceName + "\".";
		}
		Table table = new Table("NODE", "BUNDLE", "RANKING", "SERVICE ID", "OUTCOME", "MS", "ANSWER");
		for (Reply reply : replies) {
			String shown = reply.isAnswered() ? String.valueOf(reply.answer())
					: Reply.FAILED.equals(reply.outcome()) ? String.valueOf(reply.failure()) : "";
			boolean wholeNode = reply.bundleId() < 0;
			table.row(reply.node().isEmpty() ? LOCAL : reply.node(),
					wholeNode ? "-" : reply.bundleSymbolicName() + " [" + reply.bundleId() + "]",
					wholeNode ? "-" : String.valueOf(reply.ranking()),
					wholeNode ? "-" : String.valueOf(reply.serviceId()), reply.outcome(),
					String.valueOf(reply.duration().toMillis()), shown);
		}
		return table.toString();
	}

	private List<Reply> replies(Caller asker, long deadlineMillis, String serviceName, String payload)
			throws InterruptedException {
		return deadlineMillis > 0
				? asks.repliesWithin(asker, serviceName, payload, Duration.ofMillis(deadlineMillis))
				: asks.replies(asker, serviceName, payload);
	}

	/** This node and its peers, each said hello to now: who answers, and why not. */
	@Descriptor("show this framework's partyline node and its peers, contacting each now: how many service names each"
			+ " has handlers of (NAMES, ? before it said), and how many asks this node sent it (ASKS)")
	public String nodes(
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help) {
		if (help) {
			return usage("nodes");
		}
		Node current = node;
		if (current == null) {
			return "This framework is no partyline node: configure " + PartylineConstants.NODE_CONFIGURATION_PID
					+ " to make it one.";
		}
		if (current.refusal() != null) {
			return "Node " + current.name() + " at " + current.endpoint() + " does not run: " + current.refusal();
		}
		List<PeerStatus> peers = current.probe(PROBE_DEADLINE);
		if (peers.isEmpty()) {
			return "Node " + current.name() + " at " + current.endpoint() + " has no peers.";
		}
		// NAMES: how many service names the peer has handlers of (it is asked only for those); ASKS: asks sent to it
		Table table = new Table("PEER", "NODE", "STATE", "NAMES", "ASKS", "DETAIL");
		for (PeerStatus peer : peers) {
			table.row(peer.endpoint(), peer.node().isEmpty() ? "?" : peer.node(),
					peer.reached() ? "reached" : "unreached", peer.names() < 0 ? "?" : String.valueOf(peer.names()),
					String.valueOf(peer.asks()), peer.detail());
		}
		return "Node " + current.name() + " at " + current.endpoint() + "\n" + table;
	}

	/** The inviter's work so far, one line: {@code scans 12, servlets read 3400, invitations sent 1000}. */
	@Descriptor("show how much work finding and inviting servlets has taken since the partyline started: scans of the"
			+ " whiteboard runtimes, servlet entries read from them, invitations sent")
	public String scans(
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help) {
		if (help) {
			return usage("scans");
		}
		return scanCounts.toString();
	}

	/** {@code partyline:ask [-d MS] [-n TIMES] [-t THREADS] [-a BUNDLE] NAME} with no payload. */
	@Descriptor("ask every handler of a service name as a neutral caller, with no payload (null)")
	public String ask(
			@Descriptor(DEADLINE) @Parameter(names = { "-d", "--deadline" }, absentValue = "0") long deadlineMillis,
			@Descriptor(TIMES) @Parameter(names = { "-n", "--times" }, absentValue = "1") int times,
			@Descriptor(THREADS) @Parameter(names = { "-t", "--threads" }, absentValue = "1") int threads,
			@Descriptor(AS) @Parameter(names = { "-a", "--as" }, absentValue = "-1") long asBundle,
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help,
			@Descriptor(SERVICE_NAME) String serviceName) {
		return ask(deadlineMillis, times, threads, asBundle, help, serviceName, null);
	}

	/** {@code partyline:ask} without a service name: its usage, which says that one is needed. */
	@Descriptor("ask every handler of a service name as a neutral caller; show each reply with its node and bundle")
	public String ask(
			@Descriptor(DEADLINE) @Parameter(names = { "-d", "--deadline" }, absentValue = "0") long deadlineMillis,
			@Descriptor(TIMES) @Parameter(names = { "-n", "--times" }, absentValue = "1") int times,
			@Descriptor(THREADS) @Parameter(names = { "-t", "--threads" }, absentValue = "1") int threads,
			@Descriptor(AS) @Parameter(names = { "-a", "--as" }, absentValue = "-1") long asBundle,
			@Descriptor(HELP) @Parameter(names = HELP_OPTION, presentValue = "true", absentValue = "false") boolean help) {
		return usage("ask");
	}

	/**
	 * Printed, not returned: Karaf shows what a command prints when its help runs it with --help, and Gogo prints
	 * a returned null as nothing.
	 */
	private static String usage(String function) {
		System.out.print(CommandUsage.of("partyline", PartylineCommands.class, function));
		return null;
	}
}
