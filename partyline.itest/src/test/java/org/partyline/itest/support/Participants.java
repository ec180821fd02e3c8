package org.partyline.itest.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.install.BundleInstaller;
import org.partyline.api.Handler;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/**
 * Installs embedded participant bundles and hands out the {@link Partyline} each of them would get from the
 * registry, so a test can act as that bundle.
 */
public final class Participants {

	public static final Duration PATIENCE = Duration.ofSeconds(10);

	private final BundleInstaller installer;
	private final BundleContext testContext;

	public Participants(BundleInstaller installer, BundleContext testContext) {
		this.installer = installer;
		this.testContext = testContext;
	}

	/** Installs and starts {@code embedded/<name>.jar}; osgi-test uninstalls it after the test. */
	public Bundle install(String name) {
		return installer.installBundle("embedded/" + name + ".jar", true);
	}

	/** The Partyline as that bundle gets it: bundle-scoped, so asks exclude that bundle's own handlers. */
	public static Partyline partylineOf(Bundle bundle) {
		return service(bundle.getBundleContext(), Partyline.class);
	}

	/** Waits for a service of that type and gets it through that context (released when its bundle stops). */
	public static <T> T service(BundleContext context, Class<T> type) {
		return context.getService(reference(context, type));
	}

	/** Waits for a service of that type and returns its reference. */
	public static <T> ServiceReference<T> reference(BundleContext context, Class<T> type) {
		return await(type.getSimpleName() + " service").atMost(PATIENCE)
				.until(() -> context.getServiceReference(type), r -> r != null);
	}

	/** Installs, starts and returns the Partyline of the named embedded participant. */
	public Partyline join(String name) {
		return partylineOf(install(name));
	}

	/** Waits until {@code count} handler services of that name are registered (DS registers them asynchronously). */
	public void awaitHandlers(String serviceName, int count) {
		await("handlers of " + serviceName).atMost(PATIENCE).until(() -> handlers(serviceName).size() == count);
	}

	public Collection<ServiceReference<Handler>> handlers(String serviceName) {
		try {
			return testContext.getServiceReferences(Handler.class,
					"(" + PartylineConstants.SERVICE_NAME + "=" + serviceName + ")");
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}
}
