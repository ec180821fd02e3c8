package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.churn.ScaleServlet;
import org.partyline.itest.support.ChurnBundles;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ShellCommands;
import org.partyline.itest.support.Web;

import jakarta.servlet.Servlet;

/**
 * Invitations at scale: a thousand servlets are each invited exactly once, each before it serves its first request,
 * all join within a generous bound, the inviter's work (runtime scans, servlet entries read from the runtime DTOs,
 * from {@code partyline:scans}) grows about linearly with the servlets, and the partyline's own threads use no CPU
 * once it has settled. Each scenario prints one {@code at-scale:} line (the figures of BENCHMARKS.md).
 * <p>
 * Three scenarios: ten generated bundles of a hundred servlets started at once; a thousand servlets registered
 * one by one, each its own service event, not waiting for anything; and the same, each registered only after the
 * previous one was invited (its invitation request handled). That last one is the hard case: every registration
 * needs a scan of its own, and every scan reads every servlet deployed, so there the entries read grow with the
 * square of the servlets (its bound says only: one scan per registration). A servlet's first request is fired as soon
 * as it is registered (again while the whiteboard has not deployed it yet).
 */
class InvitationsAtScaleTest extends ParticipantTest {

	/** 1,000 in the build; BENCHMARKS.md also has the figures of 100 and 300, run by changing it. */
	private static final int SERVLETS = 1000;
	private static final int BUNDLES = 10;
	private static final String PREFIX = "scale.";
	/** Generous: five times what the slowest scenario took on a loaded 2-core machine. */
	private static final Duration ALL_JOINED = Duration.ofSeconds(60);
	/**
	 * Entries read per servlet in a burst, at most: quiet runs read 5-30, a loaded machine (more, slower scans, and
	 * looking again for servlets not yet deployed) up to about 70; the square would be about a thousand.
	 */
	private static final double ENTRIES_PER_SERVLET = 150;
	/** Where each registration needs its own scan: one scan each, which reads at most every servlet of each runtime. */
	private static final double ENTRIES_PER_SERVLET_SCANNED_EACH = 1.1 * SERVLETS;
	private static final Duration AT_REST = Duration.ofSeconds(2);
	/** CPU time the partyline's threads may use at rest in AT_REST: about zero, allowing for a clock tick. */
	private static final long AT_REST_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
	private static final Pattern FIGURES = Pattern.compile("scans (\\d+), servlets read (\\d+), invitations sent (\\d+)");

	@InjectService
	Invitations invitations;

	private Web web;
	private ShellCommands shell;
	private ExecutorService requesters;
	private final List<Bundle> installed = new ArrayList<>();
	private final List<ServiceReference<Servlet>> gotServlets = new ArrayList<>();
	private final List<Future<?>> firstRequests = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void prepare() throws IOException {
		// the invitations of a burst are sent at once: on a loaded 2-core machine some took longer than the default 5 s
		configure("inviteTimeoutMillis", 30_000);
		web = new Web(context, invitations);
		shell = new ShellCommands(context);
		// bounded: every request the runtime holds occupies one of its threads
		requesters = Executors.newFixedThreadPool(8);
	}

	@AfterEach
	void uninstallAndAwaitTheirServletsForgotten() throws BundleException {
		requesters.shutdownNow();
		gotServlets.forEach(context::ungetService);
		for (Bundle bundle : installed) {
			bundle.uninstall();
		}
		await("servlets of the scale bundles forgotten").atMost(Participants.PATIENCE)
				.until(() -> invitations.list().stream().noneMatch(i -> i.bundleSymbolicName().startsWith(PREFIX)));
	}

	@Test
	void tenBundlesOfAHundredServletsStartedAtOnceAreEachInvitedOnceBeforeServing() throws Exception {
		ScanFigures before = scanFigures();
		AtomicLong lastRegistered = new AtomicLong();
		ServiceListener firstRequestOnRegistration = event -> {
			if (event.getType() == ServiceEvent.REGISTERED
					&& event.getServiceReference().getBundle().getSymbolicName().startsWith(PREFIX)) {
				lastRegistered.set(System.nanoTime());
				String pattern = (String) event.getServiceReference().getProperty("osgi.http.whiteboard.servlet.pattern");
				fireFirstRequest(pattern);
			}
		};
		context.addServiceListener(firstRequestOnRegistration, "(objectClass=" + Servlet.class.getName() + ")");
		List<Bundle> bundles = new ArrayList<>();
		for (int b = 0; b < BUNDLES; b++) {
			bundles.add(install(ChurnBundles.servlets(PREFIX + b, SERVLETS / BUNDLES)));
		}
		// resolved beforehand, so that what is timed is their start
		assertTrue(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles), "bundles resolved");
		long started = System.nanoTime();
		try {
			for (Bundle bundle : bundles) {
				bundle.start();
			}
			awaitAllJoined();
		} finally {
			context.removeServiceListener(firstRequestOnRegistration);
		}
		long joinedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		List<ScaleServlet> servlets = servletsOf(bundles);
		awaitFirstRequestsAnswered();

		long registeredMillis = TimeUnit.NANOSECONDS.toMillis(lastRegistered.get() - started);
		assertSettledAndReport(SERVLETS + " servlets (" + BUNDLES + " bundles of " + SERVLETS / BUNDLES
				+ " started at once, all registered in " + registeredMillis + " ms)", before, joinedMillis, servlets,
				ENTRIES_PER_SERVLET);
	}

	@Test
	void aThousandServletsRegisteredOneByOneAreEachInvitedOnceBeforeServing() throws Exception {
		registerOneByOne(false);
	}

	@Test
	void aThousandServletsRegisteredEachAfterThePreviousWasInvitedAreEachInvitedOnceBeforeServing() throws Exception {
		registerOneByOne(true);
	}

	/** Registers the servlets one by one through one bundle, each after the previous one was invited or at once. */
	private void registerOneByOne(boolean eachAfterThePreviousWasInvited) throws Exception {
		Bundle owner = install(ChurnBundles.servlets(PREFIX + "owner", 0));
		owner.start();
		ScanFigures before = scanFigures();
		List<ScaleServlet> servlets = new ArrayList<>();
		long[] invitedAfterMicros = new long[SERVLETS];
		long started = System.nanoTime();
		for (int i = 0; i < SERVLETS; i++) {
			ScaleServlet servlet = new ScaleServlet();
			long registered = System.nanoTime();
			String pattern = "/" + PREFIX + "one/" + i + "/*";
			web.register(owner, pattern, servlet);
			servlets.add(servlet);
			if (eachAfterThePreviousWasInvited) {
				firstRequest(pattern);
				assertTrue(servlet.awaitInvited(Participants.PATIENCE), "servlet " + i + " invited");
				invitedAfterMicros[i] = (System.nanoTime() - registered) / 1000;
			} else {
				fireFirstRequest(pattern);
			}
		}
		awaitAllJoined();
		long joinedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		if (eachAfterThePreviousWasInvited) {
			assertSettledAndReport(SERVLETS + " servlets (registered each after the previous one was invited;"
					+ " registration to invitation: first ten " + medianMillis(invitedAfterMicros, 0, 10)
					+ " ms, last hundred " + medianMillis(invitedAfterMicros, SERVLETS - 100, SERVLETS)
					+ " ms, medians)", before, joinedMillis, servlets, ENTRIES_PER_SERVLET_SCANNED_EACH);
		} else {
			awaitFirstRequestsAnswered();
			assertSettledAndReport(SERVLETS + " servlets (registered one by one, not waiting)", before, joinedMillis,
					servlets, ENTRIES_PER_SERVLET);
		}
	}

	/**
	 * Prints the scenario's figures, then checks: the partyline at rest, every servlet invited exactly once and
	 * joined, the work about linear, every first request served by an invited servlet.
	 */
	private void assertSettledAndReport(String scenario, ScanFigures before, long joinedMillis,
			List<ScaleServlet> servlets, double entriesPerServletBound) throws Exception {
		awaitNoScanFor(Duration.ofMillis(500));
		ScanFigures work = scanFigures().minus(before);
		long restNanos = partylineCpuAtRest();
		double entriesPerServlet = (double) work.servletsRead / SERVLETS;
		System.out.printf("at-scale: %s: all joined in %d ms; %d scans, %d DTO entries read (%.1f per servlet),"
				+ " %d invitations sent; partyline CPU at rest %.1f ms over %d s%n", scenario, joinedMillis, work.scans,
				work.servletsRead, entriesPerServlet, work.invitations, restNanos / 1e6, AT_REST.toSeconds());
		long servedUninvited = servlets.stream().filter(s -> !Boolean.TRUE.equals(s.firstRequestFoundItInvited()))
				.count();
		assertAll(
				() -> assertTrue(restNanos <= AT_REST_CPU_NANOS, "partyline threads at rest used " + restNanos / 1e6
						+ " ms of CPU in " + AT_REST.toSeconds() + " s"),
				() -> assertEquals(SERVLETS, servlets.size(), "servlets"),
				() -> assertEquals(List.of(), servlets.stream().filter(s -> s.invitations() != 1).map(
						ScaleServlet::invitations).toList(), "invitation requests of servlets not invited once"),
				() -> assertEquals(SERVLETS, work.invitations, "invitations sent"),
				() -> assertTrue(entriesPerServlet <= entriesPerServletBound,
						entriesPerServlet + " DTO entries read per servlet"),
				() -> assertEquals(0, servedUninvited,
						servedUninvited + " of " + SERVLETS + " servlets served their first request uninvited"));
	}

	private Bundle install(byte[] jar) throws BundleException {
		Bundle bundle = context.installBundle("scale:" + installed.size(), new ByteArrayInputStream(jar));
		installed.add(bundle);
		return bundle;
	}

	/** Waits until every servlet of the scale bundles has joined, by the Invitations service's records. */
	private void awaitAllJoined() throws Exception {
		try {
			await("all " + SERVLETS + " servlets joined").pollInterval(Duration.ofMillis(10)).atMost(ALL_JOINED)
					.until(() -> invitations.list().stream().filter(i -> i.bundleSymbolicName().startsWith(PREFIX)
							&& Invitation.JOINED.equals(i.outcome())).count() == SERVLETS);
		} catch (ConditionTimeoutException e) {
			Map<String, Long> outcomes = invitations.list().stream().filter(i -> i.bundleSymbolicName()
					.startsWith(PREFIX)).collect(Collectors.groupingBy(i -> i.outcome() + " " + i.reason(),
							Collectors.counting()));
			throw new AssertionError("not all joined: " + outcomes + "; " + shell.call("scans"), e);
		}
	}

	/** The servlet objects of those bundles, as their activators registered them. */
	private List<ScaleServlet> servletsOf(List<Bundle> bundles) {
		List<ScaleServlet> servlets = new ArrayList<>();
		for (Bundle bundle : bundles) {
			for (ServiceReference<?> reference : bundle.getRegisteredServices()) {
				if (!Arrays.asList((String[]) reference.getProperty(Constants.OBJECTCLASS))
						.contains(Servlet.class.getName())) {
					continue; // the handlers its servlets connected when invited
				}
				@SuppressWarnings("unchecked")
				ServiceReference<Servlet> servlet = (ServiceReference<Servlet>) reference;
				gotServlets.add(servlet);
				servlets.add((ScaleServlet) context.getService(servlet));
			}
		}
		return servlets;
	}

	/** Its first request, from the requesters' pool, so that the next servlets need not wait for its answer. */
	private void fireFirstRequest(String pattern) {
		firstRequests.add(requesters.submit(() -> firstRequest(pattern)));
	}

	/** Its first request: sent again while the runtime has not deployed it yet (not found), until it is served. */
	private void firstRequest(String pattern) {
		String page = pattern.substring(0, pattern.length() - 1) + "page";
		long deadline = System.nanoTime() + Participants.PATIENCE.toNanos();
		while (web.get(page).statusCode() == 404) {
			assertTrue(System.nanoTime() < deadline, page + " never deployed");
		}
	}

	private void awaitFirstRequestsAnswered() throws Exception {
		await("first requests fired").atMost(Participants.PATIENCE).until(() -> firstRequests.size() == SERVLETS);
		for (Future<?> request : firstRequests) {
			request.get(Participants.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private ScanFigures scanFigures() throws Exception {
		String line = shell.call("scans");
		Matcher matcher = FIGURES.matcher(line);
		assertTrue(matcher.matches(), "partyline:scans printed " + line);
		return new ScanFigures(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
				Long.parseLong(matcher.group(3)));
	}

	/**
	 * Rest begins when the partyline has done reacting: the two runtimes announce each change separately, so a last
	 * scan may follow the last servlet's invitation (spaced by the scans' own cost). A partyline that kept scanning
	 * would never get here, and fails.
	 */
	private void awaitNoScanFor(Duration quiet) {
		AtomicLong scansSoFar = new AtomicLong(-1);
		await("no scan for " + quiet.toMillis() + " ms").atMost(ALL_JOINED).pollInterval(quiet)
				.until(() -> scansSoFar.getAndSet(scanFigures().scans) == scansSoFar.get());
	}

	/**
	 * The CPU time the partyline's own threads used in AT_REST, watched throughout it and returned as soon as it
	 * exceeds AT_REST_CPU_NANOS; threads started in the window count whole, threads that ended in it not at all (they
	 * were idle, or they would not have ended).
	 */
	private static long partylineCpuAtRest() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, Long> atStart = partylineCpu(threads);
		AtomicLong used = new AtomicLong();
		try {
			await("partyline threads at rest").during(AT_REST).atMost(AT_REST.multipliedBy(3)).until(() -> {
				long sum = 0;
				for (Map.Entry<Long, Long> now : partylineCpu(threads).entrySet()) {
					sum += now.getValue() - atStart.getOrDefault(now.getKey(), 0L);
				}
				used.set(sum);
				return sum <= AT_REST_CPU_NANOS;
			});
		} catch (ConditionTimeoutException busy) {
			// reported with the other figures, and failed there; say which threads
			Map<Long, Long> now = partylineCpu(threads);
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				long delta = now.getOrDefault(thread.getId(), 0L) - atStart.getOrDefault(thread.getId(), 0L);
				if (delta > TimeUnit.MILLISECONDS.toNanos(1)) {
					System.out.printf("at-scale: busy at rest: %s %.1f ms%n", thread.getName(), delta / 1e6);
				}
			}
		}
		return used.get();
	}

	private static Map<Long, Long> partylineCpu(ThreadMXBean threads) {
		Map<Long, Long> cpu = new HashMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith("partyline-")) {
				long nanos = threads.getThreadCpuTime(thread.getId());
				if (nanos >= 0) {
					cpu.put(thread.getId(), nanos);
				}
			}
		}
		return cpu;
	}

	private static String medianMillis(long[] micros, int from, int to) {
		long[] sorted = Arrays.copyOfRange(micros, from, to);
		Arrays.sort(sorted);
		return String.format("%.1f", sorted[sorted.length / 2] / 1000.0);
	}

	/** What {@code partyline:scans} counts. */
	private record ScanFigures(long scans, long servletsRead, long invitations) {
		ScanFigures minus(ScanFigures earlier) {
			return new ScanFigures(scans - earlier.scans, servletsRead - earlier.servletsRead,
					invitations - earlier.invitations);
		}
	}
}
