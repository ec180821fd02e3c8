package org.partyline.internal.invite;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.internal.NamedThreads;
import org.partyline.internal.PartylineConfiguration;
import org.partyline.internal.SettingsInForce;

/**
 * Discovers the servlets the whiteboard runtimes have really deployed, from their runtime DTOs, and invites each new
 * one; forgets those that went.
 * <p>
 * The runtimes are watched through their {@code service.changecount}: every change (in the framework's event thread)
 * only queues a rescan on our own thread, where the DTOs are read and diffed against what we know; changes arriving
 * while a rescan is queued are covered by it, and a change the runtime announces during our own read is ignored. Invitations are
 * sent asynchronously from there. Both runtime flavours are watched (Jakarta and javax); a servlet reported by both
 * is invited once.
 * <p>
 * Servlets are also seen as they are registered ({@link ServletArrivals}), before any runtime deploys them: from
 * then until their invitation is answered, the {@link Admissions} hold their requests.
 */
@Component(configurationPid = PartylineConstants.CONFIGURATION_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Inviter {

	/** By name, not class: either API may be missing, and then only its reader must not be loaded. */
	private static final String JAKARTA_RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
	private static final String JAVAX_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
	private static final String ENDPOINT = "osgi.http.endpoint";

	private final Logger logger;
	private final InvitationBook book;
	private final Admissions admissions;
	private final ServletArrivals arrivals;
	/** A burst of changes costs one scan, this long after its last change (see SettledScans). */
	private static final Duration QUIET = Duration.ofMillis(5);
	/** Or this long after its first, at the latest, unless scans are costly: SettledScans spaces them by their cost. */
	private static final Duration LONGEST_WAIT = Duration.ofMillis(20);

	private final ScheduledExecutorService scanner;
	private final ExecutorService senders;
	private final InvitationSender sender;
	/** A tracker per runtime flavour, by the runtime's interface name. */
	private final Map<String, ServiceTracker<Object, Object>> runtimes = new LinkedHashMap<>();
	/**
	 * The runtimes being tracked, by flavour, kept by the trackers' callbacks themselves: a tracker records a service
	 * only after its adding callback returned, so a scan queued there could miss the runtime that queued it.
	 */
	private final Map<String, Map<ServiceReference<Object>, Object>> tracked = new LinkedHashMap<>();
	/** Flavours whose runtime is there but whose API our bundle is not wired to; warned about once. Scanner only. */
	private final Set<String> unreadable = new HashSet<>();
	private final SettledScans scans;
	private final ScanCounts counts;
	/**
	 * The scanner thread while it reads a runtime's DTO, else null. A runtime may count that read as a change: Pax Web
	 * raises its {@code service.changecount} on every read, in the reading thread. Rescanning on that would read again,
	 * for ever; so a change announced in our own read is none.
	 */
	private volatile Thread reading;
	/** The invite timeout in force, also the longest a request waits for an invitation's answer. */
	private volatile Duration timeout;
	private volatile boolean stopped;
	private static final long FIRST_LOOK_AGAIN_MILLIS = 25;
	private static final long LAST_LOOK_AGAIN_MILLIS = 1000;
	/** When to look again for servlets awaited but not deployed, and whether that is scheduled; scanner thread only. */
	private long lookAgainMillis = FIRST_LOOK_AGAIN_MILLIS;
	private boolean lookingAgain;
	/** The servlets known from the last scan; touched only on the scanner thread. */
	private final Map<Long, DeployedServlet> known = new HashMap<>();

	@Activate
	public Inviter(BundleContext context, PartylineConfiguration config, @Reference InvitationBook book,
			@Reference Admissions admissions,
			@Reference(service = Partyline.class) ServiceReference<Partyline> partylineService,
			@Reference(service = LoggerFactory.class) Logger logger, @Reference ScanCounts counts) {
		this.logger = logger;
		this.counts = counts;
		this.book = book;
		this.admissions = admissions;
		this.timeout = SettingsInForce.inviteTimeout(config);
		admissions.holdLimit(timeout);
		ScheduledThreadPoolExecutor scannerThread = new ScheduledThreadPoolExecutor(1, NamedThreads.daemons("partyline-inviter"));
		scannerThread.setRemoveOnCancelPolicy(true); // cancelled expiry timers leave the queue at once
		this.scanner = scannerThread;
		this.scans = new SettledScans(scanner, this::scan, QUIET, LONGEST_WAIT);
		// like a cached pool, but idle threads go after two seconds: invitations come in bursts
		this.senders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(),
				NamedThreads.daemons("partyline-invitation"));
		this.sender = new InvitationSender(context, book, admissions, partylineService, logger, senders, timeout);
		this.arrivals = new ServletArrivals(context, this::awaiting, admissions::answered,
				admissions::letHeldRequestsGoBeforeFiltersLeave);
		arrivals.open();
		admissions.opened();
		for (String runtime : List.of(JAKARTA_RUNTIME, JAVAX_RUNTIME)) {
			runtimes.put(runtime, tracker(context, runtime));
		}
		runtimes.values().forEach(ServiceTracker::open);
		rescan();
	}

	@Modified
	void modified(PartylineConfiguration config) {
		timeout = SettingsInForce.inviteTimeout(config);
		sender.timeout(timeout);
		admissions.holdLimit(timeout);
	}

	@Deactivate
	void deactivate() {
		stopped = true;
		arrivals.close();
		// Nobody is left to answer: held requests go on, and through the rest of their chains before our admission
		// filters leave. Declarative Services may deactivate those before or after this component: the arrivals' hook
		// covers the one order, this the other (on Equinox a held request once got Felix HTTP's 500 without it).
		admissions.letHeldRequestsGoBeforeFiltersLeave();
		runtimes.values().forEach(ServiceTracker::close);
		scanner.shutdownNow();
		senders.shutdownNow();
		admissions.closed(); // and none waits from now on
	}

	/**
	 * A servlet to be invited was registered: its requests wait from now. If no runtime reports it deployed within
	 * the invite timeout (it has no context, or is shadowed), no request can reach it, and none waits any more.
	 */
	private void awaiting(long serviceId, List<String> patterns) {
		AwaitedServlet servlet = admissions.await(serviceId, patterns);
		if (servlet == null) {
			return;
		}
		try {
			servlet.expiresWith(scanner.schedule(() -> admissions.unlessLocated(serviceId), timeout.toMillis(),
					TimeUnit.MILLISECONDS));
		} catch (RejectedExecutionException stopping) {
			admissions.answered(serviceId);
		}
	}

	private ServiceTracker<Object, Object> tracker(BundleContext context, String runtimeClass) {
		Map<ServiceReference<Object>, Object> ofThisFlavour = new ConcurrentHashMap<>();
		tracked.put(runtimeClass, ofThisFlavour);
		return new ServiceTracker<>(context, runtimeClass, null) {
			@Override
			public Object addingService(ServiceReference<Object> reference) {
				Object runtime = super.addingService(reference);
				if (runtime != null) {
					ofThisFlavour.put(reference, runtime);
					rescan();
				}
				return runtime;
			}

			@Override
			public void modifiedService(ServiceReference<Object> reference, Object runtime) {
				if (Thread.currentThread() != reading) {
					rescan(); // service.changecount moved: something was deployed or withdrawn
				}
			}

			@Override
			public void removedService(ServiceReference<Object> reference, Object runtime) {
				ofThisFlavour.remove(reference);
				super.removedService(reference, runtime);
				rescan();
			}
		};
	}

	/** Queues one scan, which changes arriving until it starts are covered by. */
	private void rescan() {
		scans.changed();
	}

	/** @return the CPU time reading the runtimes took, in nanoseconds, which the next scans are spaced by */
	private long scan() {
		counts.scanned();
		long reading = scans.cpuTime();
		Map<Long, DeployedServlet> deployed = deployed();
		long readCost = scans.cpuTime() - reading;
		known.keySet().removeIf(id -> {
			if (deployed.containsKey(id)) {
				return false;
			}
			book.forget(id);
			return true;
		});
		deployed.forEach((id, servlet) -> {
			if (id <= 0) {
				return; // a WAR's servlet, which is no service (Pax Web reports 0): WarInvitations invites those
			}
			if (!stopped && known.putIfAbsent(id, servlet) == null) {
				admissions.located(id, servlet.contextPath());
				try {
					counts.invited();
					sender.invite(servlet);
				} catch (RejectedExecutionException stopping) {
					// deactivated while scanning: a restarted partyline invites everyone again
				} catch (RuntimeException e) {
					admissions.answered(id);
					logger.error("Could not invite servlet {} [{}]", servlet.name(), id, e);
				}
			}
		});
		lookAgainWhileUnlocated();
		return readCost;
	}

	/**
	 * A runtime may announce a change before it makes it: Pax Web raises its change count, then hands the
	 * registration to a thread of its own; a scan in between misses the servlet, and no change follows. So while a
	 * registered servlet is awaited that no runtime reports deployed yet, look again, less and less often, until it
	 * is deployed or stops being awaited (no runtime deployed it within the invite timeout).
	 */
	private void lookAgainWhileUnlocated() {
		if (stopped || !admissions.anyUnlocated()) {
			lookAgainMillis = FIRST_LOOK_AGAIN_MILLIS;
			return;
		}
		if (lookingAgain) {
			return;
		}
		lookingAgain = true;
		try {
			scanner.schedule(() -> {
				lookingAgain = false;
				rescan();
			}, lookAgainMillis, TimeUnit.MILLISECONDS);
			lookAgainMillis = Math.min(lookAgainMillis * 2, LAST_LOOK_AGAIN_MILLIS);
		} catch (RejectedExecutionException stopping) {
			lookingAgain = false;
		}
	}

	private Map<Long, DeployedServlet> deployed() {
		Map<Long, DeployedServlet> deployed = new LinkedHashMap<>();
		tracked.forEach((runtimeClass, ofThisFlavour) -> ofThisFlavour.forEach((reference, runtime) -> {
			URI endpoint = Endpoints.reachable(reference.getProperty(ENDPOINT));
			reading = Thread.currentThread();
			try {
				List<DeployedServlet> servlets = servletsOf(runtimeClass, runtime, endpoint);
				counts.read(servlets.size());
				for (DeployedServlet servlet : servlets) {
					deployed.putIfAbsent(servlet.serviceId(), servlet);
				}
			} catch (RuntimeException gone) {
				logger.debug("Runtime {} could not be read: {}", reference, gone.toString());
			} catch (LinkageError notWired) {
				if (unreadable.add(runtimeClass)) {
					logger.warn("A {} is registered, but partyline.impl is not wired to its API (it was resolved"
							+ " before that API was installed); its servlets are not invited until partyline.impl is"
							+ " refreshed", runtimeClass, notWired);
				}
			} finally {
				reading = null;
			}
		}));
		return deployed;
	}

	/** Each flavour's reader is loaded only here, when a runtime of that flavour is there. */
	private static List<DeployedServlet> servletsOf(String runtimeClass, Object runtime, URI endpoint) {
		return JAKARTA_RUNTIME.equals(runtimeClass) ? JakartaRuntimeServlets.of(runtime, endpoint)
				: JavaxRuntimeServlets.of(runtime, endpoint);
	}
}
