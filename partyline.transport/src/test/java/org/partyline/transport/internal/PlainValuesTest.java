package org.partyline.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bodies' format: plain values round trip; anything else is refused writing, anything malformed reading. */
class PlainValuesTest {

	@Test
	void everyPlainValueComesBackEqual() throws ProtocolException {
		Map<String, Object> value = new HashMap<>();
		value.put("numbers", new ArrayList<>(List.of(1, 2L, 3.5, 2.5f, (short) 4, (byte) 5, BigInteger.TEN.pow(30),
				new BigDecimal("-12.3450"))));
		value.put("text", "t é ✓");
		value.put("flags", new ArrayList<>(List.of(true, false, 'c')));
		value.put("none", null);
		value.put("nested", Map.of("empty", List.of(), "map", Map.of()));

		PlainValues.Reader in = new PlainValues.Reader(PlainValues.write(out -> out.value(value)));

		assertEquals(value, in.value());
		in.end();
	}

	@Test
	void aValueOfAnotherTypeIsRefusedNamingIt() {
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> PlainValues.write(out -> out.value(List.of(new StringBuilder("x")))));
		assertTrue(refused.getMessage().startsWith("java.lang.StringBuilder cannot cross"), refused.getMessage());
		assertThrows(IllegalArgumentException.class, () -> PlainValues.write(out -> out.value(Map.of(1, "one"))));
	}

	@Test
	void aLengthLongerThanTheBodyIsRefusedBeforeAnythingIsAllocated() {
		byte[] lying = ByteBuffer.allocate(5).put((byte) 1).putInt(Integer.MAX_VALUE).array(); // a 2 GB string
		ProtocolException refused = assertThrows(ProtocolException.class, () -> new PlainValues.Reader(lying).value());
		assertTrue(refused.getMessage().contains("a length of 2147483647"), refused.getMessage());
		byte[] manyElements = ByteBuffer.allocate(5).put((byte) 13).putInt(1_000_000_000).array();
		assertThrows(ProtocolException.class, () -> new PlainValues.Reader(manyElements).value());
	}

	@Test
	void valuesNestedTooDeepAnUnknownTagOrBytesAfterTheValueAreRefused() {
		byte[] deep = new byte[(PlainValues.MAX_DEPTH + 2) * 5];
		ByteBuffer nesting = ByteBuffer.wrap(deep);
		for (int i = 0; i < PlainValues.MAX_DEPTH + 2; i++) {
			nesting.put((byte) 13).putInt(1); // a list of one list of one ...
		}
		assertThrows(ProtocolException.class, () -> new PlainValues.Reader(deep).value());
		assertThrows(ProtocolException.class, () -> new PlainValues.Reader(new byte[] { 99 }).value());
		// a Java serialization stream is no body of this format
		assertThrows(ProtocolException.class, () -> new PlainValues.Reader(new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5 })
				.value());
		PlainValues.Reader trailing = new PlainValues.Reader(new byte[] { 0, 0 });
		assertThrows(ProtocolException.class, () -> {
			trailing.value();
			trailing.end();
		});
	}
}
