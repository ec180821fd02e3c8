package org.partyline.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of {@link PartylineConfiguration} as the components use them: a number that is not positive (a
 * malformed value, which Declarative Services turns into 0 and {@link ConfigurationCheck} reports) gives way to its
 * default. One place, so that the inviter, the asynchronous asks and the console page cannot disagree.
 */
public final class SettingsInForce {

	private SettingsInForce() {
	}

	public static Duration inviteTimeout(PartylineConfiguration config) {
		return Duration.ofMillis(positiveOr(config.inviteTimeoutMillis(),
				PartylineConfiguration.DEFAULT_INVITE_TIMEOUT_MILLIS));
	}

	public static int asyncThreads(PartylineConfiguration config) {
		return positiveOr(config.asyncThreads(), PartylineConfiguration.DEFAULT_ASYNC_THREADS);
	}

	public static int asyncCallsPerHandler(PartylineConfiguration config) {
		return positiveOr(config.asyncCallsPerHandler(), PartylineConfiguration.DEFAULT_ASYNC_CALLS_PER_HANDLER);
	}

	/** Every setting by its key, in the order of the configuration's definition. */
	public static Map<String, Object> all(PartylineConfiguration config) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("ignoreMissingServices", config.ignoreMissingServices());
		settings.put("isolateFailures", config.isolateFailures());
		settings.put("inviteTimeoutMillis", inviteTimeout(config).toMillis());
		settings.put("asyncThreads", asyncThreads(config));
		settings.put("asyncCallsPerHandler", asyncCallsPerHandler(config));
		return settings;
	}

	private static int positiveOr(int value, int fallback) {
		return value > 0 ? value : fallback;
	}
}
