package org.partyline.itest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.partyline.itest.churn.ScaleActivator;

/**
 * Writes small participant bundles at run time: a DS handler, a servlet that joins when invited, or both; or many
 * servlets of the at-scale test. Their component classes come from the test bundle's exported
 * {@code org.partyline.itest.churn}.
 */
public final class ChurnBundles {

	/** What a generated participant contains. */
	public enum Kind {
		HANDLER, SERVLET, BOTH
	}

	private ChurnBundles() {
	}

	public static byte[] jar(String symbolicName, Kind kind, int generation) {
		List<String> components = new ArrayList<>();
		if (kind != Kind.SERVLET) {
			components.add(component("handler", "org.partyline.itest.churn.ChurnHandler", "org.partyline.api.Handler",
					"<property name=\"partyline.service.name\" value=\"churn\"/>"));
		}
		if (kind != Kind.HANDLER) {
			components.add(component("servlet", "org.partyline.itest.churn.ChurnServlet", "jakarta.servlet.Servlet",
					"<property name=\"osgi.http.whiteboard.servlet.pattern\" value=\"/" + symbolicName + "/*\"/>"));
		}
		return bundle(symbolicName, "1.0." + generation, components);
	}

	/**
	 * A bundle registering {@code count} {@code ScaleServlet}s when it starts (see {@code ScaleActivator}); with
	 * none, a bundle that only owns what a test registers on its behalf.
	 */
	public static byte[] servlets(String symbolicName, int count) {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.putValue("Bundle-Activator", ScaleActivator.class.getName());
		main.putValue(ScaleActivator.SERVLETS_HEADER, String.valueOf(count));
		return bundle(manifest, symbolicName, "1.0.0", List.of());
	}

	private static byte[] bundle(String symbolicName, String version, List<String> components) {
		return bundle(new Manifest(), symbolicName, version, components);
	}

	private static byte[] bundle(Manifest manifest, String symbolicName, String version, List<String> components) {
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Bundle-ManifestVersion", "2");
		main.putValue("Bundle-SymbolicName", symbolicName);
		main.putValue("Bundle-Version", version);
		main.putValue("Import-Package", "org.partyline.itest.churn, org.partyline.api, org.osgi.framework,"
				+ " org.osgi.service.component, jakarta.servlet, jakarta.servlet.http");
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			paths.add("OSGI-INF/component" + i + ".xml");
		}
		if (!paths.isEmpty()) {
			main.putValue("Service-Component", String.join(",", paths));
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
			for (int i = 0; i < components.size(); i++) {
				jar.putNextEntry(new JarEntry(paths.get(i)));
				jar.write(components.get(i).getBytes(StandardCharsets.UTF_8));
				jar.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static String component(String name, String implementation, String service, String properties) {
		return "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name
				+ "\" activate=\"activate\"><implementation class=\"" + implementation + "\"/><service><provide interface=\""
				+ service + "\"/></service>" + properties + "</scr:component>";
	}
}
