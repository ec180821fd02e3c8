package org.partyline.launcher.echo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.partyline.api.Handler;

/**
 * Writes a participant bundle that connects an {@link Echo} under one service name through Declarative Services
 * (as demo.notices does): its symbolic name is {@code echo.NAME}, so a node test can give each node handlers of its
 * own, and install and uninstall one, without a module of its own.
 */
public final class EchoBundle {


	private EchoBundle() {
	}

	/** The bundle's symbolic name for a service name. */
	public static String symbolicName(String serviceName) {
		return "echo." + serviceName;
	}

	/** Writes the bundle for {@code serviceName} to {@code jar} and returns it. */
	public static Path write(String serviceName, Path jar) throws IOException {
		return write(serviceName, jar, Echo.class);
	}

	/** The same with a handler that never answers ({@link Stall}). */
	public static Path writeStalling(String serviceName, Path jar) throws IOException {
		return write(serviceName, jar, Stall.class);
	}

	private static Path write(String serviceName, Path jar, Class<? extends Handler> handler) throws IOException {
		String classFile = handler.getName().replace('.', '/') + ".class";
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue("Bundle-ManifestVersion", "2");
		main.putValue("Bundle-SymbolicName", symbolicName(serviceName));
		main.putValue("Bundle-Version", "1.0.0");
		main.putValue("Import-Package", "org.partyline.api");
		main.putValue("Service-Component", "OSGI-INF/echo.xml");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream echo = handler.getClassLoader().getResourceAsStream(classFile)) {
			out.putNextEntry(new JarEntry(classFile));
			echo.transferTo(out);
			out.putNextEntry(new JarEntry("OSGI-INF/echo.xml"));
			out.write(component(serviceName, handler).getBytes(UTF_8));
		}
		return jar;
	}

	private static String component(String serviceName, Class<? extends Handler> handler) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s">
				  <implementation class="%s"/>
				  <service><provide interface="org.partyline.api.Handler"/></service>
				  <property name="partyline.service.name" value="%s"/>
				</scr:component>
				""".formatted(symbolicName(serviceName), handler.getName(), serviceName);
	}
}
