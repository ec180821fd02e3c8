package org.partyline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the resolved {@code partyline.bndrun} says about starting the application: the start level of each run
 * bundle and the run properties. Only the part of bnd's syntax the resolver writes is read: a properties file whose
 * values are comma-separated clauses with {@code ;}-separated, possibly quoted, attributes.
 */
final class RunSpec {

	private final Map<String, Integer> startLevels;
	private final Map<String, String> properties;

	private RunSpec(Map<String, Integer> startLevels, Map<String, String> properties) {
		this.startLevels = Collections.unmodifiableMap(startLevels);
		this.properties = Collections.unmodifiableMap(properties);
	}

	static RunSpec read(InputStream bndrun) throws IOException {
		Properties instructions = new Properties();
		try (InputStreamReader reader = new InputStreamReader(bndrun, StandardCharsets.UTF_8)) {
			instructions.load(reader); // joins the backslash-continued lines bnd writes
		}
		Map<String, Integer> startLevels = new LinkedHashMap<>();
		for (String clause : split(instructions.getProperty("-runbundles", ""), ',')) {
			List<String> parts = split(clause, ';');
			int level = 1;
			for (String attribute : parts.subList(1, parts.size())) {
				String[] nameAndValue = attribute.split("=", 2);
				if (nameAndValue.length == 2 && nameAndValue[0].trim().equals("startlevel")) {
					level = Integer.parseInt(unquote(nameAndValue[1]));
				}
			}
			startLevels.put(parts.get(0).trim(), level);
		}
		Map<String, String> properties = new LinkedHashMap<>();
		for (String clause : split(instructions.getProperty("-runproperties", ""), ',')) {
			String[] nameAndValue = clause.split("=", 2);
			properties.put(nameAndValue[0].trim(), nameAndValue.length == 2 ? unquote(nameAndValue[1]) : "");
		}
		return new RunSpec(startLevels, properties);
	}

	/** The start level the bndrun gives a bundle; a bundle it does not name starts last. */
	int startLevel(String symbolicName) {
		return startLevels.getOrDefault(symbolicName, highestStartLevel());
	}

	int highestStartLevel() {
		return startLevels.values().stream().mapToInt(Integer::intValue).max().orElse(1);
	}

	/** The run properties, in the order of the bndrun. */
	Map<String, String> properties() {
		return properties;
	}

	/** Splits at each separator outside quotes; blank parts are left out. */
	private static List<String> split(String text, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		char quote = 0;
		for (char c : text.toCharArray()) {
			if (quote == 0 && c == separator) {
				addIfNotBlank(parts, part);
				part.setLength(0);
				continue;
			}
			if (quote == 0 && (c == '\'' || c == '"')) {
				quote = c;
			} else if (c == quote) {
				quote = 0;
			}
			part.append(c);
		}
		addIfNotBlank(parts, part);
		return parts;
	}

	private static void addIfNotBlank(List<String> parts, StringBuilder part) {
		if (!part.toString().isBlank()) {
			parts.add(part.toString().trim());
		}
	}

	private static String unquote(String value) {
		String trimmed = value.trim();
		boolean quoted = trimmed.length() >= 2 && (trimmed.charAt(0) == '\'' || trimmed.charAt(0) == '"')
				&& trimmed.charAt(trimmed.length() - 1) == trimmed.charAt(0);
		return quoted ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
	}
}
