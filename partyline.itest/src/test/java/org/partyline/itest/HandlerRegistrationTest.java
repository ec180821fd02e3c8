package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Handler;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.itest.support.LogCapture;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ScriptedServlet;
import org.partyline.itest.support.ShellCommands;
import org.partyline.itest.support.Web;

/**
 * Handler services registered directly (as Declarative Services or any bundle would), with every odd property a
 * registration can carry, and names far from the ordinary.
 */
class HandlerRegistrationTest extends ParticipantTest {

	Bundle alice;

	@BeforeEach
	void setUp() {
		alice = participants.install("alice");
	}

	private ServiceRegistration<Handler> register(Handler handler, Object... properties) {
		Dictionary<String, Object> props = new Hashtable<>();
		for (int i = 0; i + 1 < properties.length; i += 2) {
			props.put((String) properties[i], properties[i + 1]);
		}
		return alice.getBundleContext().registerService(Handler.class, handler, props);
	}

	@Test
	void aHandlerWithoutAServiceNameIsIgnored() throws Exception {
		register(payload -> "nameless");
		register(payload -> "named", PartylineConstants.SERVICE_NAME, "named");

		String index = new ShellCommands(context).call("services");

		assertEquals(List.of("named"), neutral.askAround("named", null));
		assertEquals(1, index.lines().filter(line -> line.contains("partyline.tb.alice")).count(),
				"alice's handlers in the index, under whatever name:\n" + index);
	}

	@Test
	void aNonStringServiceNameIsIgnoredWithAWarning(@InjectService LogReaderService logReader) {
		try (LogCapture log = new LogCapture(logReader)) {
			register(payload -> "number", PartylineConstants.SERVICE_NAME, 42);

			log.await(e -> e.getLogLevel() == LogLevel.WARN && e.getMessage().contains("42")
					&& e.getMessage().contains("partyline.tb.alice"));
		}
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("42", null));
	}

	@Test
	void aMultiValuedServiceNameAnswersEachValidName(@InjectService LogReaderService logReader) {
		try (LogCapture log = new LogCapture(logReader)) {
			register(payload -> "both", PartylineConstants.SERVICE_NAME, new String[] { "first", "", "second" });

			log.await(e -> e.getLogLevel() == LogLevel.WARN && e.getMessage().contains("answers only"));
		}
		assertEquals(List.of("both"), neutral.askAround("first", null));
		assertEquals(List.of("both"), neutral.askAround("second", null));
		assertThrows(IllegalArgumentException.class, () -> neutral.askAround("", null));
	}

	@Test
	void extremeRankingsOrderCorrectlyAndANonIntegerRankingCountsAsZero() {
		register(payload -> "min", PartylineConstants.SERVICE_NAME, "rank", "service.ranking", Integer.MIN_VALUE);
		register(payload -> "text", PartylineConstants.SERVICE_NAME, "rank", "service.ranking", "5");
		register(payload -> "max", PartylineConstants.SERVICE_NAME, "rank", "service.ranking", Integer.MAX_VALUE);
		register(payload -> "minus", PartylineConstants.SERVICE_NAME, "rank", "service.ranking", -1);

		assertEquals(List.of("max", "text", "minus", "min"), neutral.askAround("rank", null));
	}

	@Test
	void changingARegistrationsPropertiesMovesItsHandler() {
		ServiceRegistration<Handler> registration = register(payload -> "moved", PartylineConstants.SERVICE_NAME,
				"before");
		assertEquals(List.of("moved"), neutral.askAround("before", null));

		Dictionary<String, Object> changed = new Hashtable<>();
		changed.put(PartylineConstants.SERVICE_NAME, "after");
		changed.put("service.ranking", 3);
		registration.setProperties(changed);

		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("before", null));
		assertEquals(List.of("moved"), neutral.askAround("after", null));
	}

	@Test
	void reRankingAHandlerWhileOthersAskNeverMakesItsNameGoMissing() throws Exception {
		ServiceRegistration<Handler> flipping = register(payload -> "flipping", PartylineConstants.SERVICE_NAME,
				"steady");
		AtomicBoolean flipped = new AtomicBoolean();
		CompletableFuture<Integer> asker = CompletableFuture.supplyAsync(() -> {
			int asks = 0;
			while (!flipped.get()) {
				assertEquals(List.of("flipping"), neutral.askAround("steady", null));
				asks++;
			}
			return asks;
		});
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(PartylineConstants.SERVICE_NAME, "steady");
		for (int ranking = 0; ranking < 2_000 && !asker.isDone(); ranking++) {
			properties.put("service.ranking", ranking);
			flipping.setProperties(properties);
		}
		flipped.set(true);

		assertTrue(asker.get(10, TimeUnit.SECONDS) > 0, "the asker asked");
	}

	@Test
	void aHandlerWhoseObjectCannotBeHadIsPassedOverAndAskedForAgainAfterAPause(
			@InjectService LogReaderService logReader) {
		Participants.partylineOf(participants.install("bob")).connect("fragile", payload -> "healthy");
		AtomicInteger gets = new AtomicInteger();
		AtomicBoolean broken = new AtomicBoolean(true);
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(PartylineConstants.SERVICE_NAME, "fragile");
		ServiceFactory<Handler> factory = new ServiceFactory<>() {
			@Override
			public Handler getService(Bundle bundle, ServiceRegistration<Handler> registration) {
				gets.incrementAndGet();
				return broken.get() ? null : payload -> "mended"; // null: what a component failing to activate gives
			}

			@Override
			public void ungetService(Bundle bundle, ServiceRegistration<Handler> registration, Handler handler) {
			}
		};
		try (LogCapture log = new LogCapture(logReader)) {
			ServiceRegistration<?> fragile = alice.getBundleContext().registerService(Handler.class.getName(),
					factory, properties);

			for (int i = 0; i < 1_000; i++) {
				assertEquals(List.of("healthy"), neutral.askAround("fragile", null));
			}
			assertTrue(gets.get() <= 2, "the framework was asked " + gets + " times, not once per ask");
			log.await(e -> e.getLogLevel() == LogLevel.WARN && e.getMessage().contains("gave no object")
					&& e.getMessage().contains(String.valueOf(fragile.getReference().getProperty("service.id"))));

			broken.set(false);
			await("the mended handler answers").atMost(Participants.PATIENCE)
					.until(() -> neutral.askAround("fragile", null), answers -> answers.contains("mended"));
		}
	}

	@Test
	void aVeryLongNameOrOneWithControlCharactersIsAnOrdinaryName() {
		String longName = "n".repeat(10_000);
		String controlName = "tab\tnew\nline\u0000nul\u001b";
		Partyline partyline = Participants.partylineOf(alice);
		partyline.connect(longName, payload -> "long");
		partyline.connect(controlName, payload -> "control");

		assertEquals(List.of("long"), neutral.askAround(longName, null));
		assertEquals(List.of("control"), neutral.askAround(controlName, null));
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround(longName + "x", null));
	}

	@Test
	void anyPayloadIsPassedByReferenceSerialisableOrNot() {
		Object notSerialisable = new Object();
		Participants.partylineOf(alice).connect("same", payload -> payload);

		assertTrue(neutral.askAround("same", notSerialisable).get(0) == notSerialisable);
	}

	@Test
	void aServletWithOnlyAnExtensionPatternIsDeclinedWithTheReason(@InjectService Invitations invitations) {
		Web web = new Web(context, invitations);
		ServiceRegistration<jakarta.servlet.Servlet> servlet = web.register(alice, "*.do",
				ScriptedServlet.joining("never", "x"));

		Invitation invitation = web.ended(servlet);

		assertEquals(Invitation.DECLINED, invitation.outcome());
		assertTrue(invitation.reason().startsWith("no invite route"), invitation.reason());
		servlet.unregister();
	}
}
