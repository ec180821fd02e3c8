package org.partyline.itest.support;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.partyline.api.PartylineConstants;

/** Changes the partyline's configuration through Configuration Admin, and removes it again. */
public final class PartylineConfig implements AutoCloseable {

	private final Configuration configuration;

	public PartylineConfig(ConfigurationAdmin configurationAdmin) throws IOException {
		this.configuration = configurationAdmin.getConfiguration(PartylineConstants.CONFIGURATION_PID, "?");
	}

	public void set(String key, Object value) throws IOException {
		Dictionary<String, Object> properties = configuration.getProperties();
		if (properties == null) {
			properties = new Hashtable<>();
		}
		properties.put(key, value);
		configuration.update(properties);
	}

	@Override
	public void close() throws IOException {
		configuration.delete();
	}
}
