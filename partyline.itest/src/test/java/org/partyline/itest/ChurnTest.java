package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.util.promise.Promise;
import org.partyline.api.Handler;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Reply;
import org.partyline.itest.support.Askers;
import org.partyline.itest.support.ChurnBundles;
import org.partyline.itest.support.ChurnBundles.Kind;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/**
 * Churn under load: four threads ask continuously while fifty participant bundles (DS handlers, servlets joining
 * when invited, both) are installed, started, stopped, updated and uninstalled in a seeded random order. Every
 * answer comes from a bundle active during its ask (asked in turn with askAround, replies and askAroundAsync, the
 * replies naming the bundle the handler belongs to), and afterwards nothing of a gone bundle is left.
 */
class ChurnTest extends ParticipantTest {

	private static final long SEED = 42L;
	private static final int BUNDLES = 50;
	private static final int ASKERS = 4;
	private static final long CHURN_MILLIS = 8_000;
	private static final String PREFIX = "churn.";

	@InjectService
	Invitations invitations;

	/** When each churn bundle last stopped, and whether it is active (STARTING to STOPPED) now. */
	final Map<String, Long> stoppedAt = new ConcurrentHashMap<>();
	final Map<String, Boolean> active = new ConcurrentHashMap<>();
	/** Each churn bundle's latest lifecycle events, oldest first, to explain a failure. */
	final Map<String, Deque<String>> history = new ConcurrentHashMap<>();
	/** Each churn handler service's REGISTERED and UNREGISTERING, with the thread and time, to explain a failure. */
	final Map<Long, String> handlerEvents = new ConcurrentHashMap<>();
	/** Asks so far, to take turns between the three ways of asking. */
	private final AtomicInteger asks = new AtomicInteger();

	@Test
	void askingWhileFiftyBundlesChurnSeesOnlyLiveBundlesAndLeavesNothingBehind() throws Exception {
		long partylineThreadsBefore = partylineThreads();
		SynchronousBundleListener lifecycle = this::track;
		context.addBundleListener(lifecycle);
		AllServiceListener handlerLifecycle = this::trackHandler;
		context.addServiceListener(handlerLifecycle, "(partyline.service.name=churn)");
		Bundle[] slots = new Bundle[BUNDLES];
		Random random = new Random(SEED);
		int operations = 0;
		try (Askers askers = Askers.start(ASKERS, () -> this::askChurnSeeingOnlyActiveBundles)) {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHURN_MILLIS);
			while (System.nanoTime() < deadline && !askers.failed()) {
				int slot = random.nextInt(BUNDLES);
				slots[slot] = change(slots[slot], slot, random, operations);
				operations++;
			}
			System.out.printf("churn: %d lifecycle operations on %d bundles%n", operations, BUNDLES);
			askers.stop("asking while churning");
		}

		assertStoppedBundlesLeaveNothing(slots);
		for (Bundle bundle : slots) {
			if (bundle != null) {
				bundle.uninstall();
			}
		}
		context.removeBundleListener(lifecycle);
		context.removeServiceListener(handlerLifecycle);
		assertNothingLeftOfGoneBundles();
		await("partyline threads back to " + partylineThreadsBefore).atMost(Participants.PATIENCE)
				.until(() -> partylineThreads() <= partylineThreadsBefore);
	}

	/** One random lifecycle step on a slot; returns what is installed in the slot afterwards. */
	private Bundle change(Bundle bundle, int slot, Random random, int generation) throws Exception {
		if (bundle == null) {
			Kind kind = Kind.values()[slot % Kind.values().length];
			Bundle installed = context.installBundle("churn:" + slot + ":" + generation,
					new ByteArrayInputStream(ChurnBundles.jar(PREFIX + slot, kind, generation)));
			installed.start();
			return installed;
		}
		int action = random.nextInt(4);
		if (bundle.getState() == Bundle.ACTIVE) {
			switch (action) {
				case 0 -> bundle.stop();
				case 1 -> bundle.update(new ByteArrayInputStream(ChurnBundles.jar(PREFIX + slot,
						Kind.values()[(slot + generation) % Kind.values().length], generation)));
				case 2 -> {
					bundle.uninstall();
					return null;
				}
				default -> {
					// leave it running a while longer
				}
			}
		} else if (action < 2) {
			bundle.start();
		} else {
			bundle.uninstall();
			return null;
		}
		return bundle;
	}

	/** One ask: no churn bundle active meanwhile is fine; any other exception, or a stopped bundle answering, not. */
	private int askChurnSeeingOnlyActiveBundles() throws Exception {
		long started = System.nanoTime();
		List<Object> answered;
		try {
			answered = askOneOfThreeWays();
		} catch (NoSuchServiceName noneRightNow) {
			return 0;
		}
		for (Object answer : answered) {
			String bundle = String.valueOf(answer);
			boolean activeNow = active.getOrDefault(bundle, false);
			if (!activeNow && stoppedAt.getOrDefault(bundle, Long.MIN_VALUE) < started) {
				throw new AssertionError(
						bundle + " answered but was not active during the ask; " + explain(bundle, started));
			}
		}
		return answered.size();
	}

	/**
	 * The answers of an ask made in turn with {@code askAround}, {@code replies} and {@code askAroundAsync}: the
	 * latter two must name as the answering bundle the one the handler says it belongs to.
	 */
	private List<Object> askOneOfThreeWays() throws Exception {
		switch (asks.getAndIncrement() % 3) {
		case 0:
			return neutral.askAround("churn", null);
		case 1:
			return answersNamingTheirBundle(neutral.replies("churn", null));
		default:
			Promise<List<Reply>> promise = neutral.askAroundAsync("churn", null, Duration.ofSeconds(5));
			try {
				return answersNamingTheirBundle(promise.getValue());
			} catch (InvocationTargetException failed) {
				throw failed.getCause() instanceof Exception cause ? cause : failed;
			}
		}
	}

	private static List<Object> answersNamingTheirBundle(List<Reply> replies) {
		List<Object> answers = new ArrayList<>();
		for (Reply reply : replies) {
			if (reply.isAnswered()) {
				if (!reply.bundleSymbolicName().equals(reply.answer())) {
					throw new AssertionError("a reply of " + reply.answer() + " names " + reply.bundleSymbolicName());
				}
				answers.add(reply.answer());
			}
		}
		return answers;
	}

	private void track(BundleEvent event) {
		String name = event.getBundle().getSymbolicName();
		if (name == null || !name.startsWith(PREFIX)) {
			return;
		}
		Deque<String> events = history.computeIfAbsent(name, any -> new ConcurrentLinkedDeque<>());
		events.add(eventName(event.getType()) + " [" + event.getBundle().getBundleId() + "] at "
				+ TimeUnit.NANOSECONDS.toMicros(System.nanoTime()) + " us");
		while (events.size() > 12) {
			events.poll();
		}
		switch (event.getType()) {
			case BundleEvent.STARTING -> active.put(name, true);
			case BundleEvent.STOPPED -> {
				stoppedAt.put(name, System.nanoTime());
				active.put(name, false);
			}
			default -> {
			}
		}
	}

	/** What is known of a churn bundle that answered when it should not have: its events, bundles and handlers. */
	private String explain(String name, long askStarted) {
		StringBuilder facts = new StringBuilder("asked at " + TimeUnit.NANOSECONDS.toMicros(askStarted) + " us, now "
				+ TimeUnit.NANOSECONDS.toMicros(System.nanoTime()) + " us; events " + history.get(name));
		for (Bundle bundle : context.getBundles()) {
			if (name.equals(bundle.getSymbolicName())) {
				facts.append("; bundle [").append(bundle.getBundleId()).append("] state ").append(bundle.getState())
						.append(" registers ").append(Arrays.toString(bundle.getRegisteredServices()));
			}
		}
		try {
			neutral.replies("churn", null).stream().filter(reply -> name.equals(reply.bundleSymbolicName()))
					.forEach(reply -> facts.append("; a handler of [").append(reply.bundleId()).append("], service ")
							.append(reply.serviceId()).append(", ").append(reply.outcome()).append(" (")
							.append(handlerEvents.get(reply.serviceId())).append("; registered now: ")
							.append(registered(reply.serviceId())).append(')'));
		} catch (RuntimeException failed) {
			facts.append("; replies now: ").append(failed);
		}
		return facts.toString();
	}

	private boolean registered(long serviceId) {
		try {
			return context.getServiceReferences((String) null, "(service.id=" + serviceId + ")") != null;
		} catch (InvalidSyntaxException cannotHappen) {
			throw new IllegalStateException(cannotHappen);
		}
	}

	private void trackHandler(ServiceEvent event) {
		if (event.getType() == ServiceEvent.REGISTERED || event.getType() == ServiceEvent.UNREGISTERING) {
			String what = (event.getType() == ServiceEvent.REGISTERED ? "REGISTERED" : "UNREGISTERING") + " on "
					+ Thread.currentThread().getName() + " at " + TimeUnit.NANOSECONDS.toMicros(System.nanoTime())
					+ " us";
			handlerEvents.merge((Long) event.getServiceReference().getProperty(Constants.SERVICE_ID), what,
					(before, now) -> before + ", " + now);
		}
	}

	private static String eventName(int type) {
		return switch (type) {
			case BundleEvent.INSTALLED -> "INSTALLED";
			case BundleEvent.STARTING -> "STARTING";
			case BundleEvent.STARTED -> "STARTED";
			case BundleEvent.STOPPING -> "STOPPING";
			case BundleEvent.STOPPED -> "STOPPED";
			case BundleEvent.UPDATED -> "UPDATED";
			case BundleEvent.UNINSTALLED -> "UNINSTALLED";
			case BundleEvent.RESOLVED -> "RESOLVED";
			case BundleEvent.UNRESOLVED -> "UNRESOLVED";
			default -> String.valueOf(type);
		};
	}

	/** A stopped bundle registers nothing and uses nothing, and the partyline uses nothing of it. */
	private void assertStoppedBundlesLeaveNothing(Bundle[] slots) {
		Bundle impl = implBundle();
		for (Bundle bundle : slots) {
			if (bundle == null || bundle.getState() == Bundle.ACTIVE) {
				continue;
			}
			assertEquals(null, bundle.getRegisteredServices(), bundle + " still registers services");
			assertEquals(null, bundle.getServicesInUse(), bundle + " still uses services");
		}
		ServiceReference<?>[] inUse = impl.getServicesInUse();
		for (ServiceReference<?> reference : inUse == null ? new ServiceReference<?>[0] : inUse) {
			Bundle owner = reference.getBundle();
			assertTrue(owner != null && owner.getState() == Bundle.ACTIVE || owner == context.getBundle(0)
					|| owner != null && !owner.getSymbolicName().startsWith(PREFIX),
					"the partyline still uses " + reference + " of " + owner);
		}
	}

	private void assertNothingLeftOfGoneBundles() throws Exception {
		for (ServiceReference<Handler> handler : context.getServiceReferences(Handler.class, null)) {
			Bundle owner = handler.getBundle();
			assertTrue(owner == null || !owner.getSymbolicName().startsWith(PREFIX), "handler left: " + handler);
		}
		await("invitations of gone servlets forgotten").atMost(Participants.PATIENCE).until(() -> invitations.list()
				.stream()
				.noneMatch(i -> i.bundleSymbolicName().startsWith(PREFIX)));
		for (Bundle bundle : context.getBundles()) {
			assertTrue(bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith(PREFIX));
		}
		// the index too: a handler whose UNREGISTERING event got lost would keep the name known
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("churn", null),
				"a gone bundle's handler is still indexed");
	}

	private static long partylineThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("partyline-")).count();
	}
}
