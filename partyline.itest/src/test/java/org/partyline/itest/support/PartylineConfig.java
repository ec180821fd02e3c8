package org.partyline.itest.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partyline.api.PartylineConstants;

/**
 * The partyline's configuration for one test, through Configuration Admin: each change returns once the partyline
 * runs with it, and closing deletes the configuration and returns once the defaults apply again. Tests reach it
 * through {@link ParticipantTest#configure}.
 * <p>
 * "Runs with it" is read from the service properties of the partyline's configured component: Declarative Services
 * copies a configuration's properties, {@code service.pid} among them, onto them after its modified method ran.
 */
final class PartylineConfig implements AutoCloseable {

	private static final String CONFIGURED = "(service.pid=" + PartylineConstants.CONFIGURATION_PID + ")";

	private final BundleContext context;
	private final ServiceReference<ConfigurationAdmin> admin;
	private final Configuration configuration;

	PartylineConfig(BundleContext context) throws IOException {
		this.context = context;
		this.admin = await("Configuration Admin").atMost(Participants.PATIENCE)
				.until(() -> context.getServiceReference(ConfigurationAdmin.class), r -> r != null);
		// location "?": bound to no bundle, so it reaches the partyline bundle and not only the test bundle
		this.configuration = context.getService(admin).getConfiguration(PartylineConstants.CONFIGURATION_PID, "?");
	}

	/** Sets one property (the others set before stay) and waits until the partyline runs with it. */
	void set(String key, Object value) throws IOException {
		Dictionary<String, Object> properties = configuration.getProperties();
		if (properties == null) {
			properties = new Hashtable<>();
		}
		properties.put(key, value);
		configuration.update(properties);
		String applied = "(&" + CONFIGURED + "(" + key + "=" + escaped(String.valueOf(value)) + "))";
		await(key + "=" + value + " applied").atMost(Participants.PATIENCE).until(() -> configured(applied));
	}

	@Override
	public void close() throws IOException {
		try {
			configuration.delete();
			await("the default configuration applied").atMost(Participants.PATIENCE)
					.until(() -> !configured(CONFIGURED));
		} finally {
			context.ungetService(admin);
		}
	}

	private boolean configured(String filter) throws InvalidSyntaxException {
		return context.getServiceReferences((String) null, filter) != null;
	}

	private static String escaped(String value) {
		return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
	}
}
