package org.partyline.internal.invite;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.servlet.ServletContext;
import javax.servlet.ServletRegistration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
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
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.internal.NamedThreads;
import org.partyline.internal.PartylineConfiguration;
import org.partyline.internal.SettingsInForce;

/**
 * Invites the servlets of WARs (Web Application Bundles), which are no services and which no whiteboard filter can
 * stand in front of. A WAR's {@link WarGate} attaches its deployment as its context starts: from then its servlets'
 * requests are held. The WAR extender registers the WAR's {@code ServletContext} service once the WAR serves (the
 * OSGi Web Applications specification; Pax Web 8 does so right after starting the context): then its own servlets are
 * invited, through the javax whiteboard runtime's endpoint, which serves the WARs too. Undeployed, the gate detaches
 * it: its records go and what its servlets connected when invited is disconnected.
 */
@Component(service = WarInvitations.class, configurationPid = PartylineConstants.CONFIGURATION_PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class WarInvitations {

	private static final String JAVAX_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
	private static final String ENDPOINT = "osgi.http.endpoint";
	private static final String CONTEXT_PATH = "osgi.web.contextpath";
	/** What the WAR extender registers for each WAR that serves. */
	private static final String SERVING_WARS = "(&(objectClass=javax.servlet.ServletContext)(" + CONTEXT_PATH + "=*))";

	private final Logger logger;
	private final InvitationBook book;
	private final Admissions admissions;
	private final ExecutorService senders;
	private final InvitationSender sender;
	private final ServiceTracker<Object, ServiceReference<Object>> runtimes;
	private final ServiceTracker<Object, String> serving;
	/** The deployments attached by their gates, by {@link WarDeployment#key()}. */
	private final Map<String, WarDeployment> attached = new ConcurrentHashMap<>();
	/** The keys of the WARs whose ServletContext service is registered: they serve. */
	private final Set<String> servingKeys = ConcurrentHashMap.newKeySet();
	/** Counts down: a WAR servlet's id is negative, so it is never a whiteboard servlet's service.id. */
	private final AtomicLong lastId = new AtomicLong();
	private volatile Duration timeout;

	@Activate
	public WarInvitations(BundleContext context, PartylineConfiguration config, @Reference InvitationBook book,
			@Reference Admissions admissions,
			@Reference(service = Partyline.class) ServiceReference<Partyline> partylineService,
			@Reference(service = LoggerFactory.class) Logger logger) throws InvalidSyntaxException {
		this.logger = logger;
		this.book = book;
		this.admissions = admissions;
		this.timeout = SettingsInForce.inviteTimeout(config);
		// like a cached pool, but idle threads go after two seconds: WARs are deployed now and then
		this.senders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS, new SynchronousQueue<>(),
				NamedThreads.daemons("partyline-war-invitation"));
		this.sender = new InvitationSender(context, book, admissions, partylineService, logger, senders, timeout);
		this.runtimes = new ServiceTracker<>(context, JAVAX_RUNTIME, null) {
			@Override
			public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
				return reference; // only its endpoint property is read: no need to get the runtime
			}

			@Override
			public void removedService(ServiceReference<Object> reference, ServiceReference<Object> same) {
				// nothing was got
			}
		};
		this.serving = new ServiceTracker<>(context, context.createFilter(SERVING_WARS), null) {
			@Override
			public String addingService(ServiceReference<Object> reference) {
				String key = WarDeployment.key(reference.getBundle().getBundleId(),
						DeployedServlet.withoutTrailingSlash(String.valueOf(reference.getProperty(CONTEXT_PATH))));
				servingKeys.add(key);
				inviteIfServing(key);
				return key;
			}

			@Override
			public void removedService(ServiceReference<Object> reference, String key) {
				servingKeys.remove(key);
			}
		};
		runtimes.open();
		serving.open();
	}

	@Modified
	void modified(PartylineConfiguration config) {
		timeout = SettingsInForce.inviteTimeout(config);
		sender.timeout(timeout);
	}

	@Deactivate
	void deactivate() {
		serving.close();
		runtimes.close();
		attached.values().forEach(this::detach);
		senders.shutdownNow();
	}

	/**
	 * A WAR's context starts, or the partyline found it started: its own servlets' requests wait from now, and they
	 * are invited once the WAR serves.
	 */
	WarDeployment attach(Bundle war, ServletContext servletContext) {
		String contextPath = DeployedServlet.withoutTrailingSlash(servletContext.getContextPath());
		List<WarServlet> servlets = new ArrayList<>();
		for (ServletRegistration registration : servletContext.getServletRegistrations().values()) {
			if (isOwnServlet(war, registration.getClassName())) {
				WarServlet servlet = new WarServlet(lastId.decrementAndGet(), registration.getName(),
						List.copyOf(registration.getMappings()), contextPath,
						registration.getInitParameter(Invitations.INVITE_PROPERTY),
						registration.getInitParameter(Invitations.ROUTE_PROPERTY));
				admissions.await(servlet.id(), servlet.patterns());
				admissions.located(servlet.id(), contextPath);
				servlets.add(servlet);
			}
		}
		WarDeployment deployment = new WarDeployment(war, contextPath, servlets);
		WarDeployment previous = attached.put(deployment.key(), deployment);
		if (previous != null) {
			detach(previous);
		}
		expireUnlessInvited(deployment);
		inviteIfServing(deployment.key());
		return deployment;
	}

	/** The WAR is undeployed (or the partyline stops): its records and its invitations' connections go. */
	void detach(WarDeployment deployment) {
		if (deployment.leaving()) {
			attached.remove(deployment.key(), deployment);
			forget(deployment);
		}
	}

	/** Both have happened, in either order: the gate attached it, and the WAR extender says it serves. */
	private void inviteIfServing(String key) {
		WarDeployment deployment = attached.get(key);
		if (deployment == null || !servingKeys.contains(key) || !deployment.inviting()) {
			return;
		}
		URI endpoint = endpoint();
		for (WarServlet servlet : deployment.servlets) {
			try {
				sender.invite(servlet.deployedAt(endpoint), deployment.war, "javax", name -> setting(servlet, name));
			} catch (RejectedExecutionException stopping) {
				admissions.answered(servlet.id());
			} catch (RuntimeException e) {
				admissions.answered(servlet.id());
				logger.error("Could not invite servlet {} of WAR {} at {}", servlet.name(),
						deployment.war.getSymbolicName(), deployment.contextPath, e);
			}
		}
		if (deployment.isGone()) {
			forget(deployment); // undeployed while its invitations were being sent: what they opened goes too
		}
	}

	/**
	 * A WAR extender that registers no ServletContext service would have its WARs' requests held for ever: after the
	 * invite timeout they go on, uninvited, and the log says why.
	 */
	private void expireUnlessInvited(WarDeployment deployment) {
		try {
			CompletableFuture.runAsync(() -> {
				if (!deployment.wasInvited() && !deployment.isGone()) {
					deployment.servlets.forEach(servlet -> admissions.answered(servlet.id()));
					logger.warn("WAR {} at {} was not invited: its web runtime registered no ServletContext service"
							+ " with {} within {} ms", deployment.war.getSymbolicName(), deployment.contextPath,
							CONTEXT_PATH, timeout.toMillis());
				}
			}, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS, senders));
		} catch (RejectedExecutionException stopping) {
			deployment.servlets.forEach(servlet -> admissions.answered(servlet.id()));
		}
	}

	private void forget(WarDeployment deployment) {
		for (WarServlet servlet : deployment.servlets) {
			book.forget(servlet.id());
			admissions.answered(servlet.id());
		}
	}

	/** The javax runtime's: Pax Web serves its whiteboard and its WARs on the same connector. */
	private URI endpoint() {
		ServiceReference<Object> runtime = runtimes.getServiceReference();
		return runtime == null ? null : Endpoints.reachable(runtime.getProperty(ENDPOINT));
	}

	private static Object setting(WarServlet servlet, String name) {
		return Invitations.INVITE_PROPERTY.equals(name) ? servlet.inviteSetting()
				: Invitations.ROUTE_PROPERTY.equals(name) ? servlet.routeSetting() : null;
	}

	/** A servlet the WAR brought, not one its runtime adds to every WAR (Pax Web's default and JSP servlets). */
	private static boolean isOwnServlet(Bundle war, String className) {
		if (className == null) {
			return false;
		}
		try {
			// through the WAR's own wiring, as its runtime loaded it (so already loaded; nothing is initialised)
			Bundle provider = FrameworkUtil.getBundle(war.loadClass(className));
			return provider != null && provider.getBundleId() == war.getBundleId();
		} catch (ClassNotFoundException | LinkageError | IllegalStateException notTheWars) {
			return false;
		}
	}
}
