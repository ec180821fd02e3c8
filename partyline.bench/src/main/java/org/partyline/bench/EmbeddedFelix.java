package org.partyline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix framework in this JVM with the real runtime bundles (partyline.impl, SCR, ConfigAdmin, Log,
 * EventAdmin). The system bundle exports the API packages from this class path, so the benchmark code, the
 * participant bundles and partyline.impl all see one {@code Handler} class.
 */
final class EmbeddedFelix implements AutoCloseable {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Versions as the bundles import them: the API bundle is never installed, the system bundle stands in for it. */
	private static final String SHARED_PACKAGES = "org.partyline.api;version=1.2.0,org.osgi.service.event;version=1.4.1,"
			+ "org.osgi.util.promise;version=1.3.0;uses:=org.osgi.util.function,org.osgi.util.function;version=1.2.0";
	/** The Jakarta Servlet API of this class path (the javax one stays out, so the javax filters stay inactive). */
	private static final String SERVLET_PACKAGES = "jakarta.servlet;version=6.1.0,jakarta.servlet.http;version=6.1.0";

	private final Path storage;
	private final Framework framework;

	private EmbeddedFelix(Path storage, Framework framework) {
		this.storage = storage;
		this.framework = framework;
	}

	/** Starts the framework and every runtime bundle: no servlet API, so none of partyline.impl's servlet parts. */
	static EmbeddedFelix start() {
		return start(SHARED_PACKAGES);
	}

	/** The same with the Jakarta Servlet API shared too, so that partyline.impl's Jakarta filters activate. */
	static EmbeddedFelix startWithServletApi() {
		return start(SHARED_PACKAGES + "," + SERVLET_PACKAGES);
	}

	private static EmbeddedFelix start(String sharedPackages) {
		Path storage = temporaryDirectory();
		Map<String, String> properties = new HashMap<>();
		properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
		properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
		properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, sharedPackages);
		// several frameworks in turn in one JVM (JMH without forks): keep the JVM-wide URL handlers out of it
		properties.put("felix.service.urlhandlers", "false");
		// EventAdmin's default 5 s handler timeout runs every delivery under a watchdog; a tuned user turns it off
		properties.put("org.apache.felix.eventadmin.Timeout", "0");
		// errors only: stopping EventAdmin while it still gets bundle events warns on the console
		properties.put("org.apache.felix.eventadmin.LogLevel", "1");
		Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
				.orElseThrow(() -> new IllegalStateException("No OSGi framework on the class path"))
				.newFramework(properties);
		EmbeddedFelix felix = new EmbeddedFelix(storage, framework);
		try {
			framework.start();
			felix.installRuntimeBundles();
		} catch (BundleException | RuntimeException e) {
			felix.close();
			throw new IllegalStateException("Could not start the embedded framework", e);
		}
		return felix;
	}

	BundleContext systemContext() {
		return framework.getBundleContext();
	}

	/** Installs and starts a bundle from its bytes. */
	Bundle installAndStart(String location, InputStream content) {
		try {
			Bundle bundle = systemContext().installBundle(location, content);
			bundle.start();
			return bundle;
		} catch (BundleException e) {
			throw new IllegalStateException("Could not start " + location, e);
		}
	}

	/** The service as {@code user} gets it, waiting for it to be registered (SCR registers asynchronously). */
	static <S> S serviceOf(Bundle user, Class<S> type) {
		return serviceOf(user, new ServiceTracker<>(user.getBundleContext(), type, null), type);
	}

	/** The same for a service of that type with that property value. */
	static <S> S serviceOf(Bundle user, Class<S> type, String property, String value) {
		BundleContext context = user.getBundleContext();
		try {
			Filter filter = context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")(" + property
					+ "=" + value + "))");
			return serviceOf(user, new ServiceTracker<>(context, filter, null), type);
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}

	private static <S> S serviceOf(Bundle user, ServiceTracker<S, S> tracker, Class<S> type) {
		tracker.open();
		try {
			if (tracker.waitForService(PATIENCE.toMillis()) == null) {
				throw new IllegalStateException("No " + type.getName() + " service within " + PATIENCE);
			}
			// through the user's own context, so a bundle-scoped service is that bundle's instance
			return user.getBundleContext().getService(tracker.getServiceReference());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			tracker.close();
		}
	}

	private void installRuntimeBundles() throws BundleException {
		List<Bundle> installed = new ArrayList<>();
		for (String jar : RuntimeBundles.JARS) {
			try (InputStream content = RuntimeBundles.open(jar)) {
				installed.add(systemContext().installBundle("bench:" + jar, content));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		for (Bundle bundle : installed) {
			if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
				bundle.start();
			}
		}
	}

	@Override
	public void close() {
		try {
			stopEventAdminFirst();
			framework.stop();
			framework.waitForStop(PATIENCE.toMillis());
		} catch (BundleException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} finally {
			deleteRecursively(storage);
		}
	}

	/** The installed bundle of that symbolic name. */
	Bundle bundle(String symbolicName) {
		for (Bundle bundle : systemContext().getBundles()) {
			if (symbolicName.equals(bundle.getSymbolicName())) {
				return bundle;
			}
		}
		throw new IllegalStateException(symbolicName + " is not installed");
	}

	/** Otherwise it keeps posting the other bundles' stop events to its already closed thread pool, and warns. */
	private void stopEventAdminFirst() throws BundleException {
		for (Bundle bundle : systemContext().getBundles()) {
			if ("org.apache.felix.eventadmin".equals(bundle.getSymbolicName())) {
				bundle.stop();
			}
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("partyline-bench-");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void deleteRecursively(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
