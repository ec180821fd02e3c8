package org.partyline.internal.console;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers the {@link ConsolePage} to the Web Console as one plugin, of the servlet API the console takes: Jakarta
 * where this bundle is wired to the Jakarta Servlet API (Felix Web Console 5), javax where only javax is (Karaf 4.4's
 * console). Felix Web Console 5 also takes javax plugins, with a warning for each and another for a second plugin of
 * the same label; so where both APIs are wired, offering both put two WARN lines into every clean start.
 */
@Component(service = {})
public final class ConsolePlugins {

	private static final String JAKARTA = "jakarta.servlet.http";
	private static final String JAVAX = "javax.servlet.http";

	private final ServiceRegistration<?> plugin;

	@Activate
	public ConsolePlugins(BundleContext context, @Reference ConsolePage page) {
		Bundle bundle = context.getBundle();
		if (wiredTo(bundle, JAKARTA)) {
			plugin = JakartaConsolePlugin.register(context, page);
		} else if (wiredTo(bundle, JAVAX)) {
			plugin = JavaxConsolePlugin.register(context, page);
		} else {
			plugin = null; // no servlet API, so no console either
		}
	}

	@Deactivate
	void deactivate() {
		if (plugin != null) {
			try {
				plugin.unregister();
			} catch (IllegalStateException alreadyGone) {
				// our bundle is stopping: the framework withdrew it
			}
		}
	}

	/** The service properties the console finds a plugin by. */
	static Dictionary<String, Object> properties() {
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put("felix.webconsole.label", "partyline");
		properties.put("felix.webconsole.title", "Partyline");
		properties.put("felix.webconsole.category", "Main");
		return properties;
	}

	private static boolean wiredTo(Bundle bundle, String packageName) {
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		if (wiring == null) {
			return false;
		}
		for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
			if (packageName.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
				return true;
			}
		}
		return false;
	}
}
