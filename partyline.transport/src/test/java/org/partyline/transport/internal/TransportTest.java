package org.partyline.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceException;

/** Listeners and links over loopback, without a framework: what a call costs when a peer fails. */
class TransportTest {

	/** What the peers export. */
	public interface Echo {
		String echo(String text);

		/** Answers once the test lets it. */
		String held(String text);

		/** What cannot cross. */
		StringBuilder builder(String text);

		/** Answers when the test completes {@link TransportTest#later}. */
		CompletionStage<String> later(String text);
	}

	private static final SharedSecret SECRET = new SharedSecret("the-secret-of-this-test");
	private static final String SERVICE = "/Echo";

	private final CountDownLatch entered = new CountDownLatch(1);
	private final CountDownLatch release = new CountDownLatch(1);
	private final CompletableFuture<String> later = new CompletableFuture<>();
	private final List<Listener> listeners = new ArrayList<>();
	private final List<Link> links = new ArrayList<>();

	@AfterEach
	void closeAll() {
		release.countDown();
		listeners.forEach(Listener::close);
		links.forEach(Link::close);
	}

	@Test
	void callsFromSeveralThreadsAreAnsweredOverOneConnection() throws Exception {
		Listener a = listening();
		Link link = link(a, SECRET);

		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String text = "call " + i;
			calls.add(CompletableFuture.supplyAsync(() -> echo(link, text)));
		}
		for (int i = 0; i < calls.size(); i++) {
			assertEquals("call " + i, calls.get(i).get(10, TimeUnit.SECONDS));
		}
		assertEquals(1, a.openConnections(), "one connection, kept");
	}

	@Test
	void aPeerThatDiesMidCallFailsThatCallAloneAndTheOtherPeersKeepAnswering() throws Exception {
		Listener a = listening();
		Listener b = listening();
		Link toA = link(a, SECRET);
		Link toB = link(b, SECRET);
		assertEquals("b", echo(toB, "b"));
		String held = ExportedService.key(Echo.class.getMethod("held", String.class));
		CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> toA.call(SERVICE, held,
				new Object[] { "a" }, 30_000));
		assertTrue(entered.await(10, TimeUnit.SECONDS), "the call reached a");

		long dying = System.nanoTime();
		a.close(); // as a peer's process dies: its sockets close

		ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
		long failedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dying);
		assertTrue(failed.getCause() instanceof ServiceException, failed.toString());
		assertTrue(failedAfterMillis < 2_000, "failed " + failedAfterMillis + " ms after the peer died");
		assertEquals("b again", echo(toB, "b again"), "the other peer answers on its own connection");
		ServiceException unreachable = assertThrows(ServiceException.class, () -> echo(toA, "a"));
		assertTrue(unreachable.getMessage().startsWith("cannot reach peer"), unreachable.getMessage());
	}

	@Test
	void aMethodThatAnswersLaterHoldsNoThreadOnEitherSideAndIsAnsweredWhenItCompletes() throws Exception {
		Link link = link(listening(), SECRET);
		String method = ExportedService.key(Echo.class.getMethod("later", String.class));

		CompletableFuture<Object> answer = link.callLater(SERVICE, method, new Object[] { "now " }, 10_000);

		assertEquals("meanwhile", echo(link, "meanwhile"), "the connection's reader is not held by it");
		assertTrue(!answer.isDone(), "not answered before it completes");
		later.complete("then");
		assertEquals("now then", answer.get(10, TimeUnit.SECONDS));
	}

	@Test
	void aMethodThatAnswersLaterFailsAtItsTimeoutWhenItNeverCompletes() throws Exception {
		Link link = link(listening(), SECRET);
		String method = ExportedService.key(Echo.class.getMethod("later", String.class));

		ExecutionException late = assertThrows(ExecutionException.class,
				() -> link.callLater(SERVICE, method, new Object[] { "x" }, 200).get(10, TimeUnit.SECONDS));

		assertTrue(late.getCause() instanceof ServiceException && late.getCause().getMessage().contains("within 200 ms"),
				late.toString());
		assertEquals("still", echo(link, "still"));
	}

	@Test
	void aCallerWithAnotherSecretIsRefusedAndSaysSo() throws Exception {
		Listener a = listening();
		Link impostor = link(a, new SharedSecret("not-the-secret-of-this-test"));

		ServiceException refused = assertThrows(ServiceException.class, () -> echo(impostor, "hello"));

		assertTrue(refused.getMessage().contains("is the secret the same on both?"), refused.getMessage());
		assertEquals("hello", echo(link(a, SECRET), "hello"), "a caller with the secret is answered");
	}

	@Test
	void anAnswerOfAClassThatCannotCrossFailsThatCallAlone() throws Exception {
		Link link = link(listening(), SECRET);

		String builder = ExportedService.key(Echo.class.getMethod("builder", String.class));
		ServiceException refused = assertThrows(ServiceException.class,
				() -> link.call(SERVICE, builder, new Object[] { "x" }, 10_000));

		assertTrue(refused.getMessage().contains("java.lang.StringBuilder cannot cross"), refused.getMessage());
		assertEquals("next", echo(link, "next"), "the connection carries the next call");
	}

	@Test
	void aMethodOutsideTheExportedInterfacesIsNoCall() throws Exception {
		Link link = link(listening(), SECRET);

		ServiceException refused = assertThrows(ServiceException.class,
				() -> link.call(SERVICE, "toString()", new Object[0], 10_000));

		assertTrue(refused.getMessage().contains("exports no toString()"), refused.getMessage());
	}

	@Test
	void aSecretShorterThanSixteenCharactersIsRefused() {
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> new SharedSecret("fifteen chars!!"));
		assertTrue(refused.getMessage().contains("16 characters or more"), refused.getMessage());
	}

	private Listener listening() throws IOException {
		Map<String, ExportedService> exports = new ConcurrentHashMap<>();
		exports.put(SERVICE, new ExportedService(new Echo() {
			@Override
			public String echo(String text) {
				return text;
			}

			@Override
			public String held(String text) {
				entered.countDown();
				try {
					release.await();
				} catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
				}
				return text;
			}

			@Override
			public StringBuilder builder(String text) {
				return new StringBuilder(text);
			}

			@Override
			public CompletionStage<String> later(String text) {
				return later.thenApply(suffix -> text + suffix);
			}
		}, new Class<?>[] { Echo.class }));
		Listener listener = new Listener(new InetSocketAddress("127.0.0.1", 0), SECRET, new ServedCall(exports),
				warning -> { });
		listeners.add(listener);
		return listener;
	}

	private Link link(Listener listener, SharedSecret secret) {
		Link link = new Link(InetSocketAddress.createUnresolved("127.0.0.1", listener.port()), secret);
		links.add(link);
		return link;
	}

	private static String echo(Link link, String text) {
		try {
			return (String) link.call(SERVICE, ExportedService.key(Echo.class.getMethod("echo", String.class)),
					new Object[] { text }, 10_000);
		} catch (NoSuchMethodException e) {
			throw new AssertionError(e);
		}
	}
}
