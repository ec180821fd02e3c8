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

/**
 * Writes small participant bundles at run time: a DS handler, a servlet that joins when invited, or both. Their
 * component classes come from the test bundle's exported {@code org.partyline.itest.churn}.
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
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Bundle-ManifestVersion", "2");
		main.putValue("Bundle-SymbolicName", symbolicName);
		main.putValue("Bundle-Version", "1.0." + generation);
		main.putValue("Import-Package", "org.partyline.itest.churn, org.partyline.api, org.osgi.service.component,"
				+ " jakarta.servlet, jakarta.servlet.http");
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			paths.add("OSGI-INF/component" + i + ".xml");
		}
		main.putValue("Service-Component", String.join(",", paths));
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
