package org.partyline.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.partyline.api.PartylineConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The configuration Karaf writes to {@code etc/org.partyline.cfg} when the feature {@code partyline} is installed
 * (its {@code <config>} element) has every key the impl describes in its Metatype, each with the Metatype's default:
 * the two cannot drift apart again.
 */
class FeatureConfigurationTest {

	@Test
	void theFeaturesConfigurationHasEveryKeyOfThePartylinesMetatypeWithItsDefault() throws Exception {
		assertEquals(metatypeDefaults(PartylineConstants.CONFIGURATION_PID),
				featureConfiguration(PartylineConstants.CONFIGURATION_PID));
	}

	/** The keys and values of the feature's {@code <config name="pid">}, comments left out. */
	private static Map<String, String> featureConfiguration(String pid) throws Exception {
		Document document = parse(Files.newInputStream(Path.of(System.getProperty("partyline.features.xml"))));
		NodeList configs = document.getElementsByTagName("config");
		Map<String, String> keys = new TreeMap<>();
		for (int i = 0; i < configs.getLength(); i++) {
			Element config = (Element) configs.item(i);
			if (!pid.equals(config.getAttribute("name"))) {
				continue;
			}
			config.getTextContent().lines().map(String::strip)
					.filter(line -> !line.isEmpty() && !line.startsWith("#"))
					.forEach(line -> keys.put(line.substring(0, line.indexOf('=')).strip(),
							line.substring(line.indexOf('=') + 1).strip()));
		}
		return keys;
	}

	/** Each attribute of the impl's Metatype for the PID, with its default. */
	private static Map<String, String> metatypeDefaults(String pid) throws Exception {
		String resource = "OSGI-INF/metatype/" + pid + ".xml";
		InputStream xml = FeatureConfigurationTest.class.getClassLoader().getResourceAsStream(resource);
		assertNotNull(xml, resource + " in partyline.impl's jar");
		Document document = parse(xml);
		NodeList attributes = document.getElementsByTagName("AD");
		Map<String, String> defaults = new TreeMap<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			Element attribute = (Element) attributes.item(i);
			defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
		}
		return defaults;
	}

	/** Reads an XML document and closes its stream. */
	private static Document parse(InputStream xml) throws Exception {
		try (xml) {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
		}
	}
}
