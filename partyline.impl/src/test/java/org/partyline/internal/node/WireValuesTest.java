package org.partyline.internal.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.dto.DTO;

/** What crosses to other nodes, as what, and what is refused at the sender. */
class WireValuesTest {

	/** A DTO crosses as the map of its public fields. */
	public static final class Link extends DTO {
		public String name = "Blog";
		public String href = "/blog/";
		public static final String IGNORED = "static";
	}

	@Test
	void plainValuesCrossAsTheyAre() {
		for (Object plain : new Object[] { null, "s", true, 'c', (byte) 1, (short) 2, 3, 4L, 5f, 6d,
				BigDecimal.ONE }) {
			assertEquals(plain, WireValues.wired(plain, "the answer"));
		}
	}

	@Test
	void listsMapsAndDtosCrossAsCopiesInTheJdksOwnClasses() {
		List<Object> list = Arrays.asList("a", List.of(1, 2), Map.of("k", "v"));
		Object wired = WireValues.wired(list, "the answer");
		assertInstanceOf(ArrayList.class, wired);
		assertNotSame(list, wired);
		assertEquals(list, wired);
		assertInstanceOf(LinkedHashMap.class, ((List<?>) wired).get(2));

		assertEquals(Map.of("name", "Blog", "href", "/blog/"), WireValues.wired(new Link(), "the answer"));
	}

	@Test
	void anythingElseIsRefusedNamingItsType() {
		IllegalArgumentException entry = assertThrows(IllegalArgumentException.class,
				() -> WireValues.wired(Map.entry("Blog", "/blog/"), "the answer of demo.blog"));
		assertTrue(entry.getMessage().startsWith("the answer of demo.blog is of type java.util."), entry.getMessage());

		IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
				() -> WireValues.wired(Map.of(1, "one"), "the payload"));
		assertTrue(key.getMessage().contains("has a map key of type java.lang.Integer"), key.getMessage());

		assertThrows(IllegalArgumentException.class, () -> WireValues.wired(new StringBuilder("x"), "the payload"),
				"a subclass of nothing plain, not a String");
	}

	@Test
	void nestingDeeperThanTheLimitIsRefused() {
		Object value = "bottom";
		for (int level = 0; level < WireValues.MAX_NESTING; level++) {
			value = List.of(value);
		}
		Object deepEnough = value;
		assertEquals(deepEnough, WireValues.wired(deepEnough, "the answer"));

		IllegalArgumentException tooDeep = assertThrows(IllegalArgumentException.class,
				() -> WireValues.wired(List.of(deepEnough), "the answer"));
		assertTrue(tooDeep.getMessage().contains("nested deeper than " + WireValues.MAX_NESTING), tooDeep.getMessage());
	}

	@Test
	void whatIsWiredPassesTheNodeSerialFilterOfTheApi() throws Exception {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("list", List.of(1, 2L, 3.5, 2.5f, true, 'c', (short) 4, (byte) 5, BigDecimal.ONE,
				java.math.BigInteger.TWO));
		value.put("nested", Map.of("text", "t", "empty", List.of()));
		value.put("none", null);
		Object wired = WireValues.wired(value, "the payload");

		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
			out.writeObject(wired);
		}
		try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
				new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
			in.setObjectInputFilter(java.io.ObjectInputFilter.Config
					.createFilter(org.partyline.api.PartylineConstants.NODE_SERIAL_FILTER));
			assertEquals(wired, in.readObject());
		}
	}
}
