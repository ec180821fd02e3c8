package org.partyline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The impl's packages are layers, as the root package's javadoc lists them: each uses only the packages before it, so
 * there is no package cycle and the tree tells a newcomer where each part lives. Read from the sources' imports.
 */
class PackageLayersTest {

	private static final String ROOT = "org.partyline.internal";
	/** Bottom first; packages on one line of the javadoc's list share a layer and do not use each other. */
	private static final List<Set<String>> LAYERS = List.of(Set.of(ROOT), Set.of(ROOT + ".handlers"),
			Set.of(ROOT + ".ask"), Set.of(ROOT + ".participant"), Set.of(ROOT + ".invite"), Set.of(ROOT + ".node"),
			Set.of(ROOT + ".shell", ROOT + ".console", ROOT + ".health"));
	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(" + Pattern.quote(ROOT)
			+ "(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);
	private static final Path SOURCES = Path.of("src/main/java");

	@Test
	void eachPackageUsesOnlyThePackagesBeneathIt() {
		Map<String, Set<String>> uses = packageUses();
		assertEquals(layered(), uses.keySet(), "every package of the impl has its place in the layers, and only those");
		List<String> wrong = new ArrayList<>();
		uses.forEach((from, targets) -> targets.stream().filter(to -> layer(to) >= layer(from))
				.forEach(to -> wrong.add(from + " -> " + to)));
		assertTrue(wrong.isEmpty(), "uses of a package in the same layer or above: " + wrong);
	}

	/** Each package of the impl's sources, with the other impl packages its classes import. */
	private static Map<String, Set<String>> packageUses() {
		Map<String, Set<String>> uses = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES.resolve(ROOT.replace('.', '/')))) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
				Set<String> targets = uses.computeIfAbsent(from, any -> new TreeSet<>());
				Matcher imported = IMPORT.matcher(read(file));
				while (imported.find()) {
					if (!imported.group(1).equals(from)) {
						targets.add(imported.group(1));
					}
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return uses;
	}

	private static Set<String> layered() {
		Set<String> all = new TreeSet<>();
		LAYERS.forEach(all::addAll);
		return all;
	}

	private static int layer(String pkg) {
		for (int i = 0; i < LAYERS.size(); i++) {
			if (LAYERS.get(i).contains(pkg)) {
				return i;
			}
		}
		throw new AssertionError(pkg + " is in no layer");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
