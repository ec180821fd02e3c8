package org.partyline.itest.churn;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import jakarta.servlet.Servlet;

/**
 * Registers the {@link ScaleServlet}s of a generated at-scale bundle when it starts: as many as its
 * {@value #SERVLETS_HEADER} header says, the i-th at {@code /SYMBOLIC-NAME/i/*}. An activator, not DS components:
 * SCR takes several milliseconds to enable each component, which would measure SCR instead of the invitations.
 */
public class ScaleActivator implements BundleActivator {

	public static final String SERVLETS_HEADER = "Scale-Servlets";

	@Override
	public void start(BundleContext context) {
		String name = context.getBundle().getSymbolicName();
		int servlets = Integer.parseInt(context.getBundle().getHeaders().get(SERVLETS_HEADER));
		for (int i = 0; i < servlets; i++) {
			Hashtable<String, Object> properties = new Hashtable<>();
			properties.put("osgi.http.whiteboard.servlet.pattern", "/" + name + "/" + i + "/*");
			context.registerService(Servlet.class, new ScaleServlet(), properties);
		}
	}

	@Override
	public void stop(BundleContext context) {
		// the framework unregisters the servlets
	}
}
