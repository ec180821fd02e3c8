package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.dto.BundleDTO;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.api.Reply;
import org.partyline.itest.support.NodeUnderTest;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ShellCommands;

/**
 * A partyline node in a real framework with Aries RSA: the node lists itself among its peers under another name, so
 * every ask also crosses the partyline's transport (its handshake and its own format of plain values) into this same framework, and
 * the replies that come back name the node. Runs in node.bndrun only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeTest extends ParticipantTest {

	private static NodeUnderTest node;

	@BeforeEach
	void onlyInTheNodeFramework() {
		assumeRunningIn("itest-node");
	}

	/** The node, configured with its secret; left running for the tests after. */
	private NodeUnderTest running(Object... settings) throws IOException {
		if (node == null) {
			node = new NodeUnderTest(context);
		}
		node.configure(List.of(), settings);
		node.awaitReached(node.selfPeer());
		return node;
	}

	@AfterAll
	static void stopTheNode() throws IOException {
		if (node != null) {
			node.close();
			node = null;
		}
	}

	@Test
	@Order(1)
	void withoutASecretTheNodeRefusesToRunAndSaysHowToSetOne() throws Exception {
		node = new NodeUnderTest(context);
		node.configure(List.of(), "secret", "too short");

		String refusal = await("the refusal").atMost(Participants.PATIENCE)
				.until(() -> (String) node.view().getProperty("partyline.node.refusal"), r -> r != null);

		assertTrue(refusal.contains("no secret") && refusal.contains("16 characters or more")
				&& refusal.contains(PartylineConstants.NODE_CONFIGURATION_PID), refusal);
		assertNull(context.getServiceReferences((String) null, "(service.exported.interfaces=*)"), "nothing exported");

		running(); // with a secret, the same configuration runs
		assertEquals(1, context.getServiceReferences((String) null, "(service.exported.interfaces=*)").length);
	}

	@Test
	@Order(2)
	void repliesFromAPeerNameTheirNodeAndComeAfterThisFrameworksOwn() throws Exception {
		running();
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("url", payload -> "/alice/" + payload);
		awaitNamesOnThePeer(1);

		List<Reply> replies = bob.replies("url", "home");

		assertEquals(List.of("", NodeUnderTest.NAME), replies.stream().map(Reply::node).toList());
		assertEquals(List.of("/alice/home", "/alice/home"), replies.stream().map(Reply::answer).toList());
		Reply remote = replies.get(1);
		assertEquals("partyline.tb.alice", remote.bundleSymbolicName());
		assertEquals(replies.get(0).serviceId(), remote.serviceId(), "the same handler, asked across the socket");
		assertEquals(List.of("/alice/home", "/alice/home"), bob.askAround("url", "home"));
		assertEquals(Optional.of("/alice/home"), bob.askFirst("url", "home"));
	}

	@Test
	@Order(3)
	void theCallersApplicationIsAskedOnNoNodeButTheNameIsStillKnown() throws Exception {
		running();
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("url", payload -> "alice");
		bob.connect("url", payload -> "bob");
		awaitNamesOnThePeer(1);

		assertEquals(List.of("bob", "bob"), alice.askAround("url", null));
		bob.connect("only-bob", payload -> "bob");
		awaitNamesOnThePeer(2);
		assertEquals(List.of(), bob.askAround("only-bob", null), "known here and there, but only as bob's own");
		assertThrows(NoSuchServiceName.class, () -> bob.askAround("nobody-anywhere", null));
	}

	@Test
	@Order(4)
	void aPayloadThatCannotCrossIsRefusedAtTheSenderNamingItsType() throws Exception {
		running();
		Partyline alice = participants.join("alice");
		participants.join("bob").connect("echo", payload -> payload);
		awaitNamesOnThePeer(1);

		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> alice.askAround("echo", List.of("fine", new StringBuilder("not fine"))));
		assertTrue(refused.getMessage().contains("java.lang.StringBuilder"), refused.getMessage());
		assertThrows(IllegalArgumentException.class, () -> alice.replies("echo", Optional.of(1)));
		assertThrows(IllegalArgumentException.class, () -> alice.askAroundAsync("echo", new Object(),
				Duration.ofSeconds(1)));

		Map<String, Object> nested = Map.of("list", List.of(1, 2L, 3.5, true, 'c'), "text", "t");
		assertEquals(List.of(nested, nested), alice.askAround("echo", nested), "plain values cross as they are");
		BundleDTO dto = new BundleDTO();
		dto.id = 7;
		dto.symbolicName = "a.dto";
		Object crossed = alice.replies("echo", dto).get(1).answer();
		assertInstanceOf(Map.class, crossed, "a DTO crosses as the map of its fields");
		assertEquals("a.dto", ((Map<?, ?>) crossed).get("symbolicName"));
		assertEquals(7L, ((Map<?, ?>) crossed).get("id"));
	}

	@Test
	@Order(5)
	void anAnswerThatCannotCrossIsAFailureOfItsReplyNamingItsType() throws Exception {
		running();
		participants.join("alice").connect("builder", payload -> new StringBuilder("x"));
		awaitNamesOnThePeer(1);

		List<Reply> replies = neutral.replies("builder", null);

		assertEquals(List.of(Reply.ANSWERED, Reply.FAILED), replies.stream().map(Reply::outcome).toList());
		assertTrue(replies.get(1).failure().getMessage().contains("java.lang.StringBuilder"),
				replies.get(1).failure().getMessage());
		assertEquals(NodeUnderTest.NAME, replies.get(1).node());
	}

	@Test
	@Order(6)
	void aCallerThatCannotProveTheSecretIsCutOffBeforeAnythingItSendsIsRead() throws Exception {
		NodeUnderTest node = running();
		// java.util.logging.Level registers every new level it deserialises (readResolve), so whether one was made
		// shows in Level.parse: a tripwire among the JDK's own classes, which every bundle can load
		byte[] crafted = renamed(serialised(Level.INFO), "PLTW");
		assertThrows(IllegalArgumentException.class, () -> Level.parse("PLTW"), "no such level before");

		try (Socket stranger = connected(node)) {
			greeting(stranger);
			stranger.getOutputStream().write(crafted); // where the caller's challenge and proof belong
			assertEquals(-1, stranger.getInputStream().read(), "cut off without an answer");
		}
		try (Socket wrongSecret = connected(node)) {
			byte[] challenge = greeting(wrongSecret);
			prove(wrongSecret, "not-the-secret-of-this-partyline", challenge);
			assertEquals(-1, wrongSecret.getInputStream().read(), "a proof with another secret is refused");
		}

		assertThrows(IllegalArgumentException.class, () -> Level.parse("PLTW"), "never instantiated");
		assertEquals(List.of("/here", "/here"), withAHandler().askAround("here", null), "the node still answers");
		Level control = (Level) unfiltered(crafted);
		assertEquals("PLTW", control.getName(), "the same bytes, read without the filter, do make a level");
	}

	@Test
	@Order(7)
	void aCallOfAPeerThatProvedTheSecretIsReadAsPlainValuesOnlyAndNeverDeserialised() throws Exception {
		NodeUnderTest node = running();
		byte[] call = renamed(serialised(out -> {
			out.writeUTF("/PartylineNode"); // the service, by its endpoint id's path
			out.writeUTF("ask(java.util.Map)");
			out.writeInt(1);
			out.writeObject(Map.of("level", Level.INFO));
		}), "PLTY");
		assertThrows(IllegalArgumentException.class, () -> Level.parse("PLTY"), "no such level before");

		try (Socket peer = connected(node)) {
			byte[] challenge = greeting(peer);
			byte[] listenersProof = prove(peer, NodeUnderTest.SECRET, challenge);
			assertEquals(32, listenersProof.length, "the node proved itself in turn");
			DataOutputStream out = new DataOutputStream(peer.getOutputStream());
			out.writeInt(Long.BYTES + 1 + call.length);
			out.writeLong(42);
			out.writeByte(1); // a call
			out.write(call);
			out.flush();
			DataInputStream in = new DataInputStream(peer.getInputStream());
			int length = in.readInt();
			assertEquals(42, in.readLong(), "the answer names the call");
			assertEquals(3, in.readByte(), "a failure");
			byte[] body = new byte[length - Long.BYTES - 1];
			in.readFully(body);
			String why = new String(body, 4, body.length - 4, StandardCharsets.UTF_8); // its length, then its text
			assertTrue(why.contains("ProtocolException"), "a Java serialization stream is no call: " + why);
		}

		assertThrows(IllegalArgumentException.class, () -> Level.parse("PLTY"), "never instantiated");
		assertEquals(List.of("/here", "/here"), withAHandler().askAround("here", null), "the node still answers");
	}

	/**
	 * Waits until the node's peer (itself) says it has handlers of exactly that many names: each handler connected
	 * before is then known there. {@code partyline:nodes} says hello, which brings the peer's catalog at once.
	 */
	private void awaitNamesOnThePeer(int names) {
		await("the peer saying it has " + names + " names").atMost(Participants.PATIENCE)
				.until(() -> peerColumn("NAMES"), String.valueOf(names)::equals);
	}

	/** How many asks the node sent its peer (itself) so far, as {@code partyline:nodes} shows it. */
	private long asksSentToThePeer() throws Exception {
		return Long.parseLong(peerColumn("ASKS"));
	}

	/** A column of the peer's row in {@code partyline:nodes}. */
	private String peerColumn(String title) throws Exception {
		String table = new ShellCommands(context).call("nodes");
		List<String> lines = table.lines().toList();
		String header = lines.stream().filter(line -> line.startsWith("PEER ")).findFirst()
				.orElseThrow(() -> new AssertionError(table));
		String row = lines.stream().filter(line -> line.startsWith(node.endpoint("localhost"))).findFirst()
				.orElseThrow(() -> new AssertionError(table));
		int start = header.indexOf(title);
		int end = header.indexOf(' ', start + title.length());
		while (end >= 0 && end < header.length() && header.charAt(end) == ' ') {
			end++;
		}
		return row.substring(start, end < 0 || end >= header.length() ? row.length() : end).trim();
	}

	private static Socket connected(NodeUnderTest node) throws IOException {
		Socket socket = new Socket("127.0.0.1", node.port());
		socket.setSoTimeout(10_000);
		return socket;
	}

	/** Reads the node's greeting, checks it, and returns its challenge. */
	private static byte[] greeting(Socket socket) throws IOException {
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] greeting = new byte[4];
		in.readFully(greeting);
		assertEquals("PLT1", new String(greeting, StandardCharsets.US_ASCII));
		byte[] challenge = new byte[32];
		in.readFully(challenge);
		return challenge;
	}

	/**
	 * Answers the node's challenge as a caller holding {@code secret} would (HMAC-SHA256 of 'c', the node's
	 * challenge and the caller's own), and returns the node's proof, or an empty array when it cut the connection.
	 */
	private static byte[] prove(Socket socket, String secret, byte[] challenge) throws Exception {
		byte[] own = new byte[32];
		new java.security.SecureRandom().nextBytes(own);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update((byte) 'c');
		mac.update(challenge);
		OutputStream out = socket.getOutputStream();
		out.write(own);
		out.write(mac.doFinal(own));
		out.flush();
		return socket.getInputStream().readNBytes(32);
	}

	private Partyline withAHandler() {
		participants.join("bob").connect("here", payload -> "/here");
		awaitNamesOnThePeer(1);
		return participants.join("carol");
	}

	@Test
	@Order(8)
	void aHangingHandlerOnAPeerMakesAnAskWaitAtMostTheNodesDeadline() throws Exception {
		running("deadlineMillis", 300);
		CountDownLatch release = new CountDownLatch(1);
		// hangs only where the peer calls it (on the partyline's threads); this framework's own call answers
		participants.join("alice").connect("slow", payload -> {
			if (Thread.currentThread().getName().startsWith("partyline-ask")) {
				try {
					release.await();
				} catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
				}
			}
			return "answered";
		});
		awaitNamesOnThePeer(1);
		Partyline bob = participants.join("bob");
		try {
			long started = System.nanoTime();
			List<Object> answers = bob.askAround("slow", null);
			long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

			assertEquals(List.of("answered"), answers);
			assertTrue(tookMillis >= 200 && tookMillis < 3000, "waited " + tookMillis + " ms for a 300 ms deadline");
			List<Reply> replies = bob.replies("slow", null);
			assertEquals(List.of(Reply.ANSWERED, Reply.LATE), replies.stream().map(Reply::outcome).toList());
			assertEquals(NodeUnderTest.NAME, replies.get(1).node());
			List<Reply> async = bob.askAroundAsync("slow", null, Duration.ofMillis(200)).getValue();
			assertEquals(List.of(Reply.LATE, Reply.LATE), async.stream().map(Reply::outcome).toList(),
					"asynchronously, this framework's own call hangs as well");
		} finally {
			release.countDown();
		}
		running("deadlineMillis", 1000);
	}

	@Test
	@Order(9)
	void aPeerThatDoesNotAnswerIsOneFailedReplyNamingItsEndpoint() throws Exception {
		NodeUnderTest node = running();
		int nobodyThere = NodeUnderTest.freePort();
		node.configure(List.of("127.0.0.1:" + nobodyThere));
		String dead = "partyline://127.0.0.1:" + nobodyThere + "/PartylineNode";
		await("the dead peer unreached").atMost(Participants.PATIENCE)
				.until(() -> Arrays.stream((String[]) node.view().getProperty("partyline.node.unreached"))
						.anyMatch(unreached -> unreached.startsWith(dead)));
		participants.join("alice").connect("url", payload -> "/alice");
		awaitNamesOnThePeer(1);

		List<Reply> replies = participants.join("bob").replies("url", null);

		assertEquals(List.of("", NodeUnderTest.NAME, dead), replies.stream().map(Reply::node).toList(),
				"this framework's, then the peers' in the order configured");
		Reply deadOne = replies.get(2);
		assertEquals(Reply.FAILED, deadOne.outcome());
		assertEquals(-1, deadOne.bundleId());
		assertTrue(String.valueOf(deadOne.failure()).contains(String.valueOf(nobodyThere)), deadOne.failure()
				+ " names the endpoint");
		running();
	}

	@Test
	@Order(10)
	void aNameConnectedOnAPeerIsAskedThereWithinAboutATenthOfASecond() throws Exception {
		running();
		Partyline alice = participants.join("alice");
		alice.connect("before", payload -> "before");
		awaitNamesOnThePeer(1);

		long connecting = System.nanoTime();
		alice.connect("fresh", payload -> "fresh");
		// no hello meanwhile: only the node's push of its catalog to its peer tells it
		await("the peer asked for the new name").atMost(Participants.PATIENCE).pollInterval(Duration.ofMillis(1))
				.until(() -> neutral.replies("fresh", null).stream().anyMatch(r -> NodeUnderTest.NAME.equals(r.node())));
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connecting);

		System.out.printf("node: a name connected on the peer was asked there %d ms after its connect%n", millis);
		assertTrue(millis < 250, "asked there " + millis + " ms after the connect");
	}

	@Test
	@Order(11)
	void anAskOfANameNoPeerHasCallsNoPeer() throws Exception {
		running();
		participants.join("alice").connect("url", payload -> "/alice");
		awaitNamesOnThePeer(1);
		long before = asksSentToThePeer();

		assertEquals(List.of("/alice", "/alice"), neutral.askAround("url", null));
		assertEquals(before + 1, asksSentToThePeer(), "a name the peer has: one call");
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody-anywhere", null));
		assertInstanceOf(NoSuchServiceName.class,
				neutral.askAroundAsync("nobody-anywhere", null, Duration.ofSeconds(1)).getFailure());
		assertEquals(before + 1, asksSentToThePeer(), "a name no peer has: no call");
	}

	@Test
	@Order(12)
	void byDefaultAnApplicationHereAnswersFromHereAndAPeersHandlersOfItAreNotAsked() throws Exception {
		running("askPeersForApplicationsHere", false);
		Partyline alice = participants.join("alice");
		alice.connect("url", payload -> "/alice");
		Partyline bob = participants.join("bob");
		awaitNamesOnThePeer(1);
		long before = asksSentToThePeer();

		assertEquals(List.of("/alice"), bob.askAround("url", null), "alice answers from here, not again from the peer");
		assertEquals(List.of(""), neutral.replies("url", null).stream().map(Reply::node).toList());
		assertEquals(before, asksSentToThePeer(), "the peer, whose url handlers are all alice's, is not called");
		assertEquals(List.of(), alice.askAround("url", null), "the name is still known, only alice's own");
		running(); // the switch back on for the tests after
	}

	@Test
	@Order(13)
	void deletingTheConfigurationWithdrawsTheExportThePeersAndTheirDescriptions() throws Exception {
		running();
		participants.join("alice").connect("url", payload -> "/alice");
		awaitNamesOnThePeer(1);
		Partyline bob = participants.join("bob");
		assertEquals(2, bob.askAround("url", null).size());

		node.close();
		node = null;

		await("the node gone").atMost(Participants.PATIENCE).until(() -> context.getServiceReferences((String) null,
				"(|(partyline.node.endpoint=*)(service.exported.interfaces=*)(service.imported=*))") == null);
		assertEquals(0, NodeUnderTest.peerDescriptions(context), "Aries RSA's discovery configurations deleted");
		assertEquals(List.of("/alice"), bob.askAround("url", null), "this framework alone again");
	}

	/** The stream with Level.INFO's name replaced by another of four letters. */
	private static byte[] renamed(byte[] stream, String fourLetters) {
		byte[] from = { 0, 4, 'I', 'N', 'F', 'O' };
		for (int i = 0; i + from.length <= stream.length; i++) {
			if (Arrays.equals(Arrays.copyOfRange(stream, i, i + from.length), from)) {
				byte[] crafted = stream.clone();
				System.arraycopy(fourLetters.getBytes(StandardCharsets.US_ASCII), 0, crafted, i + 2, 4);
				return crafted;
			}
		}
		throw new AssertionError("Level.INFO serialises without its name");
	}

	private static byte[] serialised(Writing writing) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			writing.to(out);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Writing {
		void to(ObjectOutputStream out) throws IOException;
	}

	private static byte[] serialised(Object... values) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			for (Object value : values) {
				out.writeObject(value);
			}
		}
		return bytes.toByteArray();
	}

	/** Reads with a filter that lets everything through, in place of the transport's. */
	private static Object unfiltered(byte[] stream) throws IOException, ClassNotFoundException {
		try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(stream))) {
			in.setObjectInputFilter(info -> ObjectInputFilter.Status.ALLOWED);
			return in.readObject();
		}
	}
}
