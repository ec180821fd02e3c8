package org.partyline.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The name table the ask hot path reads: its bookkeeping, and reads racing with writes. */
class NameTableTest {

	private final NameTable table = new NameTable();

	private static HandlerEntry[] handlers(long serviceId) {
		return new HandlerEntry[] { new HandlerEntry(null, 1, "owner", serviceId, null) };
	}

	@Test
	void aNameGetsTheHandlersLastPutForIt() {
		HandlerEntry[] first = handlers(1);
		HandlerEntry[] second = handlers(2);

		table.put("url", first);
		assertSame(first, table.get("url"));
		table.put("url", second);
		assertSame(second, table.get("url"));
		assertNull(table.get("nav"));
	}

	@Test
	void aNameThatLostItsHandlersIsUnknownAndMayComeBack() {
		table.put("url", handlers(1));
		table.put("url", null);
		assertNull(table.get("url"));

		HandlerEntry[] again = handlers(2);
		table.put("url", again);
		assertSame(again, table.get("url"));
	}

	@Test
	void namesWithTheSameHashAreFoundPastAnEmptiedOne() {
		// "Aa" and "BB" have the same hashCode, so they share a probe chain
		assertEquals("Aa".hashCode(), "BB".hashCode());
		HandlerEntry[] bb = handlers(2);
		table.put("Aa", handlers(1));
		table.put("BB", bb);

		table.put("Aa", null);

		assertNull(table.get("Aa"));
		assertSame(bb, table.get("BB"));
	}

	@Test
	void everyNameWithHandlersIsVisitedAndNoEmptiedOne() {
		table.put("url", handlers(1));
		table.put("nav", handlers(2));
		table.put("gone", handlers(3));
		table.put("gone", null);

		List<String> names = new ArrayList<>();
		table.forEach((name, entries) -> names.add(name));
		names.sort(null);

		assertEquals(List.of("nav", "url"), names);
	}

	@Test
	void thousandsOfNamesComingAndGoingLeaveASmallTable() {
		for (int i = 0; i < 10_000; i++) {
			table.put("name." + i, handlers(i));
		}
		assertTrue(table.capacity() >= 20_000, "at most half full: " + table.capacity());
		for (int i = 0; i < 10_000; i++) {
			assertEquals(i, table.get("name." + i)[0].serviceId());
		}
		for (int i = 1; i < 10_000; i++) {
			table.put("name." + i, null);
		}

		assertEquals(0, table.get("name.0")[0].serviceId());
		assertNull(table.get("name.9999"));
		assertTrue(table.capacity() <= 64, "emptied slots are dropped: " + table.capacity());
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aReaderAlwaysFindsAStableNameWhileOtherNamesComeAndGo() throws Exception {
		HandlerEntry[] stable = handlers(0);
		table.put("stable", stable);
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicLong misses = new AtomicLong();
		CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
			long reads = 0;
			while (writing.get()) {
				if (table.get("stable") != stable) {
					misses.incrementAndGet();
				}
				reads++;
			}
			return reads;
		});
		for (int round = 0; round < 20; round++) {
			for (int i = 0; i < 2_000; i++) {
				table.put("churn." + i, handlers(i + 1));
			}
			for (int i = 0; i < 2_000; i++) {
				table.put("churn." + i, null);
			}
		}
		writing.set(false);

		assertTrue(reader.get(10, TimeUnit.SECONDS) > 0);
		assertEquals(0, misses.get(), "reads that missed the stable name");
		assertArrayEquals(stable, table.get("stable"));
	}
}
