package org.partyline.itest.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Registers the closing-line listener before the tester can start the tests: the bnd tester adds every
 * {@link TestExecutionListener} service it finds when a run starts. (Test support only; product bundles use DS.)
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public class TestSupportActivator implements BundleActivator {

	@Override
	public void start(BundleContext context) {
		String label = context.getProperty("partyline.itest.label");
		context.registerService(TestExecutionListener.class, new ClosingLineListener(label == null ? "itest" : label),
				null);
	}

	@Override
	public void stop(BundleContext context) {
		// the framework unregisters the listener
	}
}
