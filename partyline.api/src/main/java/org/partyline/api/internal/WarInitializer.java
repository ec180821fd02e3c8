package org.partyline.api.internal;

import java.util.EnumSet;
import java.util.Set;

import javax.servlet.DispatcherType;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;

import org.osgi.framework.BundleContext;

/**
 * Run by the WAR extender for each WAR that imports {@code org.partyline.api}, while its context starts: adds the
 * {@link WarHook} as the first filter of every request. Found through {@code META-INF/services}, so it needs a public
 * no-argument constructor and may keep no state of its own.
 */
public final class WarInitializer implements ServletContainerInitializer {

	/** Where the OSGi Web Applications specification puts the Web Application Bundle's own context. */
	static final String BUNDLE_CONTEXT_ATTRIBUTE = "osgi-bundlecontext";

	static final String FILTER_NAME = "partyline-gate";

	@Override
	public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
		Object attribute = servletContext.getAttribute(BUNDLE_CONTEXT_ATTRIBUTE);
		if (!(attribute instanceof BundleContext)) {
			return; // not a Web Application Bundle: nobody to invite it
		}
		FilterRegistration.Dynamic gate = servletContext.addFilter(FILTER_NAME,
				new WarHook((BundleContext) attribute, servletContext));
		if (gate == null) {
			return; // the WAR declares a filter of that name itself: it is not ours to replace
		}
		gate.setAsyncSupported(true);
		// before the WAR's own filters: an invitation must carry the Partyline to whatever the WAR does with it
		gate.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
	}
}
