package org.partyline.internal.ask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.partyline.api.Handler;
import org.partyline.api.HandlerFailed;
import org.partyline.api.HighAndDry;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.PartylineConstants;
import org.partyline.api.RecursionTooDeep;
import org.partyline.api.Reply;
import org.partyline.internal.ConfigurationCheck;
import org.partyline.internal.Fatal;
import org.partyline.internal.PartylineConfiguration;
import org.partyline.internal.handlers.HandlerEntry;
import org.partyline.internal.handlers.HandlerIndex;
import org.partyline.internal.handlers.HandlerReply;

/**
 * This framework's handlers asked on the caller's thread: it holds the handler index and the configuration, and runs
 * the loops that {@link Asks} hands every ask to.
 * <p>
 * The loops are the hot path: one map read for the handler array, one volatile read for the settings, no registry
 * query, no filter, no lock, and no allocation but the result.
 */
@Component(service = Switchboard.class, configurationPid = PartylineConstants.CONFIGURATION_PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PartylineConfiguration.class)
public final class Switchboard {

	/** The configuration as the hot path reads it: immutable, swapped whole. */
	private static final class Settings {
		final boolean ignoreMissingServices;
		final boolean isolateFailures;

		Settings(PartylineConfiguration config) {
			this.ignoreMissingServices = config.ignoreMissingServices();
			this.isolateFailures = config.isolateFailures();
		}
	}


	/** What {@link #answerOf} returns for a handler that gave no answer ({@code null} is an answer). */
	private static final Object NO_ANSWER = new Object();
	private static final String[] NO_APPLICATIONS = {};

	private final Logger logger;
	private final HandlerIndex index;
	private final Nesting nesting = new Nesting();
	private volatile Settings settings;

	@Activate
	public Switchboard(BundleContext context, PartylineConfiguration config, Map<String, Object> properties,
			@Reference(service = LoggerFactory.class) Logger logger) {
		this.logger = logger;
		this.settings = new Settings(config);
		ConfigurationCheck.warnAboutMalformed(properties, logger);
		this.index = new HandlerIndex(context, logger);
		index.open();
	}

	@Modified
	void modified(PartylineConfiguration config, Map<String, Object> properties) {
		ConfigurationCheck.warnAboutMalformed(properties, logger);
		settings = new Settings(config);
		logger.info("Partyline configuration: ignoreMissingServices={}, isolateFailures={}",
				config.ignoreMissingServices(), config.isolateFailures());
	}

	@Deactivate
	void deactivate() {
		index.close();
	}

	/** Asks every handler of the name not owned by the caller; answers of another type than asked fail. */
	<T> List<T> askAround(long callerId, String serviceName, Object payload, Class<T> answerType) {
		List<T> answers = askAroundHere(callerId, serviceName, payload, answerType);
		return answers != null ? answers : nobodyAnswers(serviceName);
	}

	/** Like {@link #askAround}, but {@code null} when no handler of the name is connected here. */
	<T> List<T> askAroundHere(long callerId, String serviceName, Object payload, Class<T> answerType) {
		HandlerEntry[] entries = handlersOf(serviceName);
		if (entries == null) {
			return null;
		}
		Nesting.Level level = nesting.enter(serviceName);
		try {
			return collect(callerId, serviceName, payload, answerType, entries);
		} finally {
			level.leave();
		}
	}

	/** The loop on its own, so the JIT compiles and optimises it as one unit whatever inlines around it. */
	private <T> List<T> collect(long callerId, String serviceName, Object payload, Class<T> answerType,
			HandlerEntry[] entries) {
		ArrayList<T> answers = new ArrayList<>(entries.length);
		for (HandlerEntry entry : entries) {
			if (entry.ownerId() != callerId) {
				Object answer = answerOf(entry, serviceName, payload, answerType);
				if (answer != NO_ANSWER) {
					answers.add(checked(answer));
				}
			}
		}
		return answers;
	}

	/**
	 * Asks the handlers in precedence order until one gives a non-null answer of the asked type; {@code null} when no
	 * handler of the name is connected here (empty: none answered).
	 */
	<T> Optional<T> askFirstHere(long callerId, String serviceName, Object payload, Class<T> answerType) {
		HandlerEntry[] entries = handlersOf(serviceName);
		if (entries == null) {
			return null;
		}
		Nesting.Level level = nesting.enter(serviceName);
		try {
			for (HandlerEntry entry : entries) {
				if (entry.ownerId() != callerId) {
					Object answer = answerOf(entry, serviceName, payload, answerType);
					if (answer != NO_ANSWER && answer != null) {
						return Optional.of(checked(answer));
					}
				}
			}
			return Optional.empty();
		} finally {
			level.leave();
		}
	}

	/**
	 * One handler's answer, or {@link #NO_ANSWER} when it declined, is gone, or failed and failures are isolated;
	 * a failure that is not isolated is thrown from here.
	 */
	private Object answerOf(HandlerEntry entry, String serviceName, Object payload, Class<?> answerType) {
		Handler handler = entry.handler();
		if (handler == null) {
			return NO_ANSWER;
		}
		Object answer;
		try {
			answer = handler.handle(payload);
		} catch (HighAndDry declined) {
			return NO_ANSWER;
		} catch (Throwable failure) {
			failed(serviceName, entry, failure);
			return NO_ANSWER;
		}
		if (answer == null || answerType == Object.class || answerType.isInstance(answer)) {
			return answer;
		}
		failed(serviceName, entry, wrongType(answer, answerType));
		return NO_ANSWER;
	}

	/** An answer {@link #answerOf} has already checked against the asked type: no second check on the hot path. */
	@SuppressWarnings("unchecked")
	private static <T> T checked(Object answer) {
		return (T) answer;
	}

	/**
	 * Asks like {@link #askAround} and keeps every handler's reply, with its owner; never throws for a handler.
	 */
	public List<Reply> replies(long callerId, String serviceName, Object payload) {
		List<Reply> replies = repliesHere(callerId, serviceName, payload);
		return replies != null ? replies : nobodyAnswers(serviceName);
	}

	/** Like {@link #replies}, but {@code null} when no handler of the name is connected here. */
	List<Reply> repliesHere(long callerId, String serviceName, Object payload) {
		HandlerEntry[] entries = handlersOf(serviceName);
		if (entries == null) {
			return null;
		}
		Nesting.Level level = nesting.enter(serviceName);
		try {
			List<Reply> replies = new ArrayList<>(entries.length);
			for (HandlerEntry entry : entries) {
				Handler handler = entry.ownerId() == callerId ? null : entry.handler();
				if (handler != null) {
					replies.add(HandlerReply.of(entry, handler, payload));
				}
			}
			return replies;
		} finally {
			level.leave();
		}
	}

	/**
	 * The handlers of the name an ask calls: those not owned by the caller's bundle, nor, when {@code callerApp} is
	 * given, by a bundle of that symbolic name (an ask from a peer node); {@code null} when no handler of the name is
	 * connected here at all.
	 */
	HandlerEntry[] askedHere(long callerId, String callerApp, String serviceName) {
		HandlerEntry[] entries = handlersOf(serviceName);
		if (entries == null) {
			return null;
		}
		HandlerEntry[] others = new HandlerEntry[entries.length];
		int count = 0;
		for (HandlerEntry entry : entries) {
			if (entry.ownerId() != callerId && (callerApp == null || !callerApp.equals(entry.ownerName()))) {
				others[count++] = entry;
			}
		}
		return count == others.length ? others : Arrays.copyOf(others, count);
	}

	/** Whether an ask of a name nobody has fails ({@link NoSuchServiceName}) rather than returning nothing. */
	boolean missingNamesFail() {
		return !settings.ignoreMissingServices;
	}

	/** How deep asks nest on this thread now, to carry to the threads of an asynchronous ask. */
	Nesting nesting() {
		return nesting;
	}

	/** The current handlers by name, in precedence order, for inspection. */
	public Map<String, List<HandlerEntry>> handlers() {
		return index.snapshot();
	}

	/**
	 * Each name with the applications (symbolic names) that have handlers of it here: what a node tells its peers,
	 * so that they ask it only for names it can answer.
	 */
	public Map<String, List<String>> applications() {
		return index.applications();
	}

	/**
	 * Runs {@code action} after every change of the handlers, on the thread that made it (so it must only hand the
	 * work on); {@code null} stops it. At rest it never runs.
	 */
	public void whenHandlersChange(Runnable action) {
		index.whenChanged(action == null ? () -> { } : action);
	}

	/** The symbolic names of the bundles with handlers of the name here, each once; empty when none. */
	String[] applicationsHere(String serviceName) {
		HandlerEntry[] entries = index.handlers(serviceName);
		if (entries == null) {
			return NO_APPLICATIONS;
		}
		return Arrays.stream(entries).map(HandlerEntry::ownerName).distinct().toArray(String[]::new);
	}

	/** No handler of that name anywhere: {@link NoSuchServiceName}, or nothing when missing names are ignored. */
	<T> List<T> nobodyAnswers(String serviceName) {
		if (!settings.ignoreMissingServices) {
			throw new NoSuchServiceName(serviceName);
		}
		return new ArrayList<>(0);
	}

	/**
	 * The name's handlers here, or {@code null}. A name no handler can have (empty) is refused on a miss only: the
	 * index never holds one, and the hit path saves the look at the string's length.
	 */
	private HandlerEntry[] handlersOf(String serviceName) {
		HandlerEntry[] entries = index.handlers(Objects.requireNonNull(serviceName, "serviceName must not be null"));
		if (entries == null) {
			checkedName(serviceName);
		}
		return entries;
	}

	public static String checkedName(String serviceName) {
		Objects.requireNonNull(serviceName, "serviceName must not be null");
		if (serviceName.isEmpty()) {
			throw new IllegalArgumentException("serviceName must not be empty");
		}
		return serviceName;
	}

	/** The failure policy is read here, off the hot path: a change applies from the next failure on. */
	private void failed(String serviceName, HandlerEntry entry, Throwable failure) {
		Fatal.rethrowIfFatal(failure); // the JVM itself is in trouble: nothing a partyline should hide
		if (failure instanceof RecursionTooDeep) {
			// a loop of asks: the whole chain is at fault, not this handler; unwind it to the first caller
			throw (RecursionTooDeep) failure;
		}
		HandlerFailed wrapped = new HandlerFailed(serviceName, entry.ownerName(), entry.ownerId(), failure);
		if (!settings.isolateFailures) {
			throw wrapped;
		}
		logger.warn("{}; skipped, as isolateFailures is set", wrapped.getMessage(), failure);
	}

	private static ClassCastException wrongType(Object answer, Class<?> answerType) {
		return new ClassCastException(
				"answered a " + answer.getClass().getName() + " where a " + answerType.getName() + " was asked for");
	}
}
