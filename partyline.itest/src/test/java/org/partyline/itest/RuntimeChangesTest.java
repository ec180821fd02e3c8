package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.http.runtime.dto.RequestInfoDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/**
 * The inviter reads a whiteboard runtime's DTOs when its {@code service.changecount} moves, and only then. A runtime
 * that counts every read of its DTO as a change, as Pax Web (Karaf's HTTP) does, must not make it read again and
 * again: at rest the partyline reads nothing, whatever the runtime.
 */
class RuntimeChangesTest extends ParticipantTest {

	/** How long the reads must stay put: a spinning inviter reads thousands of times in it. */
	private static final Duration AT_REST = Duration.ofMillis(500);
	/** Reads the other runtime's own changes may cause meanwhile (each rescan reads every runtime). */
	private static final long STRAY_READS = 3;

	@Test
	void aRuntimeThatCountsEveryReadAsAChangeIsReadOnlyWhenSomethingReallyChanged() {
		ReadCountingRuntime runtime = ReadCountingRuntime.register(context);
		long arrived = awaitReadsAfter(runtime, 0);
		assertNoMoreReadsThan(runtime, arrived + STRAY_READS);

		runtime.change();

		long changed = awaitReadsAfter(runtime, arrived);
		assertNoMoreReadsThan(runtime, changed + STRAY_READS);
	}

	@Test
	void aBurstOfChangesCostsAFewReadsNotOneEach() {
		ReadCountingRuntime runtime = ReadCountingRuntime.register(context);
		long arrived = awaitReadsAfter(runtime, 0);
		assertNoMoreReadsThan(runtime, arrived + STRAY_READS);

		for (int change = 0; change < 100; change++) {
			runtime.change();
		}

		awaitReadsAfter(runtime, arrived);
		assertNoMoreReadsThan(runtime, arrived + 3);
		System.out.println("runtime changes: a burst of 100 changes cost " + (runtime.reads() - arrived) + " reads");
	}

	/** Waits for a read after {@code reads} of them, and returns the count then. */
	private static long awaitReadsAfter(ReadCountingRuntime runtime, long reads) {
		return await("a read of the runtime").atMost(Participants.PATIENCE).until(runtime::reads, now -> now > reads);
	}

	private static void assertNoMoreReadsThan(ReadCountingRuntime runtime, long most) {
		await("reads at rest").during(AT_REST).atMost(Participants.PATIENCE.plus(AT_REST))
				.until(runtime::reads, reads -> reads <= most);
		assertTrue(runtime.reads() <= most, () -> runtime.reads() + " reads, at most " + most + " expected");
	}

	/**
	 * A javax whiteboard runtime that deploys nothing and, as Pax Web does, raises its change count on every read of
	 * its DTO, announcing it in the reading thread.
	 */
	private static final class ReadCountingRuntime implements HttpServiceRuntime {

		private final AtomicLong reads = new AtomicLong();
		private final AtomicLong changeCount = new AtomicLong();
		private volatile ServiceRegistration<HttpServiceRuntime> registration;

		static ReadCountingRuntime register(BundleContext context) {
			ReadCountingRuntime runtime = new ReadCountingRuntime();
			runtime.registration = context.registerService(HttpServiceRuntime.class, runtime, runtime.nextProperties());
			return runtime;
		}

		long reads() {
			return reads.get();
		}

		/** A change of what it deploys, announced from the calling thread. */
		void change() {
			ServiceRegistration<HttpServiceRuntime> registered = registration;
			if (registered != null) { // a read while it registers: the registration's own count covers it
				registered.setProperties(nextProperties());
			}
		}

		@Override
		public RuntimeDTO getRuntimeDTO() {
			reads.incrementAndGet();
			change();
			RuntimeDTO dto = new RuntimeDTO();
			dto.servletContextDTOs = new ServletContextDTO[0];
			return dto;
		}

		@Override
		public RequestInfoDTO calculateRequestInfoDTO(String path) {
			return new RequestInfoDTO();
		}

		private Hashtable<String, Object> nextProperties() {
			Hashtable<String, Object> properties = new Hashtable<>();
			properties.put(Constants.SERVICE_CHANGECOUNT, changeCount.incrementAndGet());
			properties.put(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT, new String[] { "http://127.0.0.1:9/" });
			return properties;
		}
	}
}
