package org.partyline.bench;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.annotations.Benchmark;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.event.Event;
import org.partyline.api.Reply;

/**
 * One ask for {@code handlers} answers, five ways: the plain loop (the physical limit), Partyline's {@code askAround}
 * and {@code askFirst}, the registry lookup a user would hand-write, and EventAdmin; plus all handlers declining,
 * with the shared {@code HighAndDry.decline()} and with {@code new HighAndDry()}; and the asks that say who
 * answered: {@code replies}, and {@code askAroundAsync} waited for to its resolution.
 */
public class AskBenchmarks extends PartyState {

	/** Far beyond any ask here: every one resolves by its last reply, never by its deadline. */
	private static final Duration GENEROUS_DEADLINE = Duration.ofSeconds(10);

	@Benchmark
	public List<Object> loop() {
		return PlainLoop.askAround(answering, callerId, payload);
	}

	@Benchmark
	public List<Object> askAround() {
		return partyline.askAround(Party.ANSWERING, payload);
	}

	@Benchmark
	public List<Reply> replies() {
		return partyline.replies(Party.ANSWERING, payload);
	}

	/** The whole ask: the handlers called on the partyline's threads, and this thread woken by the resolution. */
	@Benchmark
	public List<Reply> askAroundAsync() throws InvocationTargetException, InterruptedException {
		return partyline.askAroundAsync(Party.ANSWERING, payload, GENEROUS_DEADLINE).getValue();
	}

	@Benchmark
	public Optional<Object> askFirst() {
		return partyline.askFirst(Party.ANSWERING, payload);
	}

	@Benchmark
	public List<Object> registryLookup() throws InvalidSyntaxException {
		return RegistryLookup.askAround(callerContext, callerId, payload);
	}

	@Benchmark
	public List<Object> eventAdmin() {
		List<Object> answers = new ArrayList<>(handlers + 1);
		eventAdmin.sendEvent(new Event(AnsweringEventHandler.TOPIC, Map.of(AnsweringEventHandler.ANSWERS, answers)));
		return answers;
	}

	// the loop and askAround again over declining handlers: JMH measures and names a benchmark by its method
	@Benchmark
	public List<Object> loopDeclining() {
		return PlainLoop.askAround(declining, callerId, payload);
	}

	@Benchmark
	public List<Object> askAroundDeclining() {
		return partyline.askAround(Party.DECLINING, payload);
	}

	@Benchmark
	public List<Object> loopDecliningFreshly() {
		return PlainLoop.askAround(decliningFreshly, callerId, payload);
	}

	@Benchmark
	public List<Object> askAroundDecliningFreshly() {
		return partyline.askAround(Party.DECLINING_FRESHLY, payload);
	}
}
