package org.partyline.internal.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A burst of changes costs one scan; a change after a scan calls for another. */
class SettledScansTest {

	/** Long against a loop of a hundred changes, short against the test's patience. */
	private static final Duration QUIET = Duration.ofMillis(200);
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

	private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor();
	private final AtomicInteger scans = new AtomicInteger();
	private final Semaphore scanned = new Semaphore(0);
	private final SettledScans settled = new SettledScans(scanner, () -> {
		scans.incrementAndGet();
		scanned.release();
		return 0;
	}, QUIET, LONGEST_WAIT);

	@AfterEach
	void stopTheScanner() {
		scanner.shutdownNow();
	}

	@Test
	void aBurstOfAHundredChangesCostsOneScan() throws InterruptedException {
		for (int change = 0; change < 100; change++) {
			settled.changed();
		}

		assertTrue(scanned.tryAcquire(5, TimeUnit.SECONDS));
		assertEquals(1, scans.get());
		// nothing more comes of that burst: a second scan would follow within the quiet spell
		assertFalse(scanned.tryAcquire(3 * QUIET.toMillis(), TimeUnit.MILLISECONDS));
	}

	@Test
	void aChangeAfterAScanCallsForAnother() throws InterruptedException {
		settled.changed();
		assertTrue(scanned.tryAcquire(5, TimeUnit.SECONDS));

		settled.changed();
		assertTrue(scanned.tryAcquire(5, TimeUnit.SECONDS));
		assertEquals(2, scans.get());
	}

	@Test
	void noScanWithoutAChange() throws InterruptedException {
		assertFalse(scanned.tryAcquire(3 * QUIET.toMillis(), TimeUnit.MILLISECONDS));
	}
}
