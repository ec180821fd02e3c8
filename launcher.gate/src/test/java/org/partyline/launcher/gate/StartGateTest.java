package org.partyline.launcher.gate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.service.condition.Condition;

/** The gate alone, without a framework or Jetty: what it holds, what it lets through, and its bounds. */
@Timeout(10)
class StartGateTest {

	private final ExecutorService clients = Executors.newCachedThreadPool();

	@AfterEach
	void stopTheClients() {
		clients.shutdownNow();
	}

	@Test
	void aRequestWaitsUntilTheLauncherSaysReadyThenGoesOnUnchanged() throws Exception {
		StartGate gate = new StartGate(config(10_000, 32));
		Request shop = request("/shop/");

		Future<Request> passed = clients.submit(() -> gate.customize(shop, HttpFields.build()));

		assertThrows(TimeoutException.class, () -> passed.get(200, TimeUnit.MILLISECONDS), "passed before ready");
		gate.ready(Condition.INSTANCE);
		assertSame(shop, passed.get(5, TimeUnit.SECONDS));
	}

	@Test
	void anInvitationPassesAtOnceWhileOthersWait() throws Exception {
		StartGate gate = new StartGate(config(10_000, 32));
		Request invitation = request("/system/console/__invite__/");

		assertSame(invitation, clients.submit(() -> gate.customize(invitation, HttpFields.build())).get(5,
				TimeUnit.SECONDS));
	}

	@Test
	void beyondTheRequestsHeldAtMostTheNextIsAnswered503() throws Exception {
		StartGate gate = new StartGate(config(10_000, 2));
		List<Future<Request>> held = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			held.add(clients.submit(() -> gate.customize(request("/blog/"), HttpFields.build())));
		}
		await("two requests held").atMost(Duration.ofSeconds(5)).until(gate::held, count -> count == 2);

		HttpException.RuntimeException refused = assertThrows(HttpException.RuntimeException.class,
				() -> gate.customize(request("/blog/"), HttpFields.build()));

		assertEquals(503, refused.getCode());
		assertTrue(held.stream().noneMatch(Future::isDone), "the two held are still held");
		gate.ready(Condition.INSTANCE);
		for (Future<Request> request : held) {
			request.get(5, TimeUnit.SECONDS);
		}
		assertEquals(0, gate.held());
	}

	@Test
	void aRequestHeldLongerThanTheHoldLimitGoesOnUnready() throws Exception {
		StartGate gate = new StartGate(config(100, 32));
		long start = System.nanoTime();

		clients.submit(() -> gate.customize(request("/shop/"), HttpFields.build())).get(5, TimeUnit.SECONDS);

		long held = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertTrue(held >= 100 && held < 5000, "held for " + held + " ms");
		assertFalse(gate.held() > 0);
	}

	private static Request request(String path) {
		HttpURI uri = HttpURI.from("http://127.0.0.1:8080" + path);
		return (Request) Proxy.newProxyInstance(StartGateTest.class.getClassLoader(), new Class<?>[] { Request.class },
				(proxy, method, args) -> switch (method.getName()) {
				case "getHttpURI" -> uri;
				case "toString" -> "request " + path;
				default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	private static GateConfiguration config(int holdLimitMillis, int heldAtMost) {
		return (GateConfiguration) Proxy.newProxyInstance(StartGateTest.class.getClassLoader(),
				new Class<?>[] { GateConfiguration.class }, (proxy, method, args) -> switch (method.getName()) {
				case "holdLimitMillis" -> holdLimitMillis;
				case "heldAtMost" -> heldAtMost;
				default -> throw new UnsupportedOperationException(method.getName());
				});
	}
}
