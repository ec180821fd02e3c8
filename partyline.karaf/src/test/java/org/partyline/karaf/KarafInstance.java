package org.partyline.karaf;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh Karaf instance folder (KARAF_BASE) for an unpacked distribution (KARAF_HOME, never written to): the
 * distribution's {@code etc/}, with every listening socket on loopback at the ports given and the {@code karaf}
 * user enabled for SSH, and a {@code system/} folder holding the artifacts of this build, where Karaf looks for
 * {@code mvn:} URLs before any remote repository; {@code data/} is made by Karaf at its start.
 */
final class KarafInstance {

	static final String USER = "karaf";
	static final String PASSWORD = "karaf";

	private KarafInstance() {
	}

	/** Empties {@code base}, then lays out the instance in it, with {@code repository} (Maven layout) as its system folder. */
	static void create(Path home, Path base, Path repository, LoopbackPorts ports) throws IOException {
		delete(base);
		copy(repository, base.resolve("system"));
		Path etc = base.resolve("etc");
		copy(home.resolve("etc"), etc);
		set(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshHost", "127.0.0.1", "sshPort", ports.ssh() + ""));
		set(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
				"rmiRegistryHost", "127.0.0.1", "rmiRegistryPort", ports.rmiRegistry() + "",
				"rmiServerHost", "127.0.0.1", "rmiServerPort", ports.rmiServer() + ""));
		// not in the distribution: Pax Web reads it once http-whiteboard is installed
		set(etc.resolve("org.ops4j.pax.web.cfg"), Map.of("org.osgi.service.http.port", ports.http() + "",
				"org.ops4j.pax.web.listening.addresses", "127.0.0.1"));
		// Maven Central only: the distribution also lists two snapshot repositories elsewhere
		set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Map.of("org.ops4j.pax.url.mvn.repositories",
				"https://repo1.maven.org/maven2@id=central"));
		// the distribution has them commented out: no login at all until they are there
		set(etc.resolve("users.properties"), Map.of(USER, PASSWORD + ",_g_:admingroup",
				"_g_\\:admingroup", "group,admin,manager,viewer,systembundles,ssh"));
	}

	/**
	 * Sets keys in a properties file as Karaf's own lines would: an existing line of the key is replaced, with the lines
	 * its value continues on (a commented-out one if there is no other), a key not there is appended.
	 */
	static void set(Path file, Map<String, String> values) throws IOException {
		List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, ISO_8859_1)) : new ArrayList<>();
		for (Map.Entry<String, String> value : new TreeMap<>(values).entrySet()) {
			String line = value.getKey() + " = " + value.getValue();
			int at = indexOf(lines, "^" + Pattern.quote(value.getKey()) + "\\s*[=:]");
			if (at < 0) {
				at = indexOf(lines, "^#\\s*" + Pattern.quote(value.getKey()) + "\\s*[=:]");
			}
			if (at < 0) {
				lines.add(line);
			} else {
				int last = at; // a value continued over several lines (a trailing backslash) goes whole
				while (last < lines.size() - 1 && lines.get(last).stripTrailing().endsWith("\\")) {
					last++;
				}
				lines.subList(at + 1, last + 1).clear();
				lines.set(at, line);
			}
		}
		Files.write(file, lines, ISO_8859_1);
	}

	private static int indexOf(List<String> lines, String regex) {
		Pattern pattern = Pattern.compile(regex);
		for (int i = 0; i < lines.size(); i++) {
			if (pattern.matcher(lines.get(i)).find()) {
				return i;
			}
		}
		return -1;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				} else {
					Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}
}
