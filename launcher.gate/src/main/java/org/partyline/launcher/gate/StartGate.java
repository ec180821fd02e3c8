package org.partyline.launcher.gate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.http.jetty.LoadBalancerCustomizerFactory;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration.Customizer;
import org.eclipse.jetty.server.Request;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.condition.Condition;
import org.osgi.service.metatype.annotations.Designate;
import org.partyline.api.PartylineConstants;

/**
 * Holds every request Jetty receives until the launcher registers the condition {@value #READY}: it does once the
 * framework has started every bundle and the partyline has answered every invitation. So the first response after a
 * start is a complete one: a page with every other application's links, the health check with the partyline's, the
 * console with its page; before, a request waits instead of getting a 404 or half a page.
 * <p>
 * A Jetty customizer, which Jetty runs on every request before any handler, rather than a whiteboard preprocessor:
 * Felix HTTP opens its port before its whiteboard dispatches, and answers 404 to every request in between (tens of
 * milliseconds while it deploys what is registered). Felix HTTP takes a customizer from a
 * {@link LoadBalancerCustomizerFactory} service when {@code org.apache.felix.proxy.load.balancer.connection.enable}
 * is true, as the launcher sets it, and this bundle starts before Felix HTTP's, so the customizer is in place when the
 * port opens. Invitations pass, as they are how the partyline gets ready (the partyline's guard still refuses every
 * one without its token). Once open it stays open, and a request pays one volatile read.
 * <p>
 * A held request keeps its thread, and the invitations are requests too: so only so many are held, and any beyond
 * are answered 503 ("try again in a moment"), the one response a client may get before all is ready. (Jetty answers
 * a customizer's refusal with its error page and no headers of the customizer's, so there is no {@code Retry-After}.)
 */
@Component(service = LoadBalancerCustomizerFactory.class, configurationPid = StartGate.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GateConfiguration.class)
public final class StartGate implements LoadBalancerCustomizerFactory, Customizer {

	static final String PID = "org.partyline.launcher.gate";
	/** The condition the launcher registers when all is ready. */
	static final String READY = "partyline.launcher.ready";

	private static final String INVITE_ROUTE = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final CountDownLatch ready = new CountDownLatch(1);
	private final AtomicInteger held = new AtomicInteger();
	private final long holdLimitNanos;
	private final int heldAtMost;

	@Activate
	public StartGate(GateConfiguration config) {
		this.holdLimitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, config.holdLimitMillis()));
		this.heldAtMost = Math.max(1, config.heldAtMost());
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			target = "(" + Condition.CONDITION_ID + "=" + READY + ")")
	void ready(Condition condition) {
		ready.countDown();
	}

	/** The launcher withdraws the condition only as it stops: the gate stays open. */
	void unready(Condition condition) {
		// nothing to do
	}

	@Override
	public Customizer createCustomizer() {
		return this;
	}

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		if (ready.getCount() > 0 && !request.getHttpURI().getPath().contains(INVITE_ROUTE)) {
			if (held.incrementAndGet() > heldAtMost) {
				held.decrementAndGet();
				throw new HttpException.RuntimeException(HttpStatus.SERVICE_UNAVAILABLE_503,
						"Starting: try again in a moment");
			}
			try {
				ready.await(holdLimitNanos, TimeUnit.NANOSECONDS);
			} catch (InterruptedException stopping) {
				Thread.currentThread().interrupt();
			} finally {
				held.decrementAndGet();
			}
		}
		return request;
	}

	/** How many requests it holds now. */
	int held() {
		return held.get();
	}
}
