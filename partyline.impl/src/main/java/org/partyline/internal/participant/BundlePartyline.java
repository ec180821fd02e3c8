package org.partyline.internal.participant;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.util.promise.Promise;
import org.partyline.api.Connection;
import org.partyline.api.Handler;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.api.Reply;
import org.partyline.internal.BundleStates;
import org.partyline.internal.ask.Asks;
import org.partyline.internal.ask.Caller;
import org.partyline.internal.ask.Switchboard;

/**
 * The {@link Partyline} of one participant bundle. Bundle scope makes the framework create one instance per using
 * bundle and tell us which: that bundle is excluded from its own asks and owns what it connects.
 * <p>
 * Handlers it connects are closed when the bundle releases the service (or stops) and when the implementation stops.
 */
@Component(service = Partyline.class, scope = ServiceScope.BUNDLE)
public final class BundlePartyline implements Partyline {

	private final Asks asks;
	private final ConnectWitness witness;
	private final Bundle bundle;
	private final Caller caller;
	private final Set<HandlerConnection> connections = ConcurrentHashMap.newKeySet();
	private volatile boolean stopped;

	@Activate
	public BundlePartyline(@Reference Asks asks, @Reference ConnectWitness witness, ComponentContext context) {
		this.asks = asks;
		this.witness = witness;
		this.bundle = context.getUsingBundle();
		this.caller = Caller.of(bundle);
	}

	@Deactivate
	void deactivate() {
		stopped = true;
		connections.forEach(HandlerConnection::close);
	}

	// Each untyped ask is its typed one for Object; askAround and askFirst share their shape only (every answer, or
	// the first), as the API's overloads do.
	@Override
	public List<Object> askAround(String serviceName, Object payload) {
		return askAround(serviceName, payload, Object.class);
	}

	@Override
	public <T> List<T> askAround(String serviceName, Object payload, Class<T> answerType) {
		return unlessStoppedMeanwhile(active().askAround(caller, serviceName, payload, answerType(answerType)));
	}

	@Override
	public Optional<Object> askFirst(String serviceName, Object payload) {
		return askFirst(serviceName, payload, Object.class);
	}

	@Override
	public <T> Optional<T> askFirst(String serviceName, Object payload, Class<T> answerType) {
		return unlessStoppedMeanwhile(active().askFirst(caller, serviceName, payload, answerType(answerType)));
	}

	@Override
	public List<Reply> replies(String serviceName, Object payload) {
		return unlessStoppedMeanwhile(active().replies(caller, serviceName, payload));
	}

	@Override
	public Promise<List<Reply>> askAroundAsync(String serviceName, Object payload, Duration deadline) {
		return active().askAsync(caller, serviceName, payload, deadline);
	}

	@Override
	public Connection connect(String serviceName, Handler handler) {
		return connect(serviceName, handler, 0);
	}

	@Override
	public Connection connect(String serviceName, Handler handler, int ranking) {
		Switchboard.checkedName(serviceName);
		Objects.requireNonNull(handler, "handler must not be null");
		active();
		BundleContext context = bundle.getBundleContext();
		if (context == null || !callerActive()) {
			throw notActive();
		}
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(PartylineConstants.SERVICE_NAME, serviceName);
		properties.put(Constants.SERVICE_RANKING, ranking);
		// registered through the participant's own context, so the framework removes it when that bundle stops
		ServiceRegistration<Handler> registration = context.registerService(Handler.class, handler, properties);
		HandlerConnection connection = new HandlerConnection(serviceName, registration, connections::remove);
		connections.add(connection);
		if (stopped || !callerActive()) {
			// The bundle began to stop while we registered. The framework withdraws a stopping bundle's services
			// once, early in its stop; one registered after that would outlive the bundle, so withdraw it here.
			connection.close();
			active();
			throw notActive();
		}
		witness.saw(connection);
		return connection;
	}

	private boolean callerActive() {
		return BundleStates.startingOrActive(bundle);
	}

	private IllegalStateException notActive() {
		return new IllegalStateException("Bundle " + bundle.getSymbolicName() + " [" + caller.id()
				+ "] is not active: it cannot connect handlers");
	}

	private Asks active() {
		if (stopped) {
			throw new IllegalStateException("This Partyline of bundle " + bundle.getSymbolicName() + " [" + caller.id()
					+ "] is no longer valid: the bundle stopped or released it, or the Partyline implementation stopped."
					+ " Get the Partyline service again.");
		}
		return asks;
	}

	/**
	 * An ask that overlapped the implementation's stop may have passed over handlers already released, so its answer
	 * may lack some: it fails as every ask after the stop does. This instance stops before the index closes.
	 */
	private <A> A unlessStoppedMeanwhile(A answer) {
		active();
		return answer;
	}

	private static <T> Class<T> answerType(Class<T> answerType) {
		return Objects.requireNonNull(answerType, "answerType must not be null");
	}

	@Override
	public String toString() {
		return "Partyline of " + bundle.getSymbolicName() + " [" + caller.id() + "]";
	}
}
