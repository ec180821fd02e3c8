package org.partyline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.partyline.api.Partyline;

/**
 * One ask for {@code handlers} answers, five ways: the plain loop (the physical limit), Partyline's {@code askAround}
 * and {@code askFirst}, the registry lookup a user would hand-write, and EventAdmin; plus all handlers declining,
 * with the shared {@code HighAndDry.decline()} and with {@code new HighAndDry()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AskBenchmarks {

	@Param({ "1", "10", "100" })
	public int handlers;

	private Party party;
	private Partyline partyline;
	private BundleContext callerContext;
	private long callerId;
	private EventAdmin eventAdmin;
	private OwnedHandler[] answering;
	private OwnedHandler[] declining;
	private OwnedHandler[] decliningFreshly;
	private Object payload;

	@Setup(Level.Trial)
	public void gather() {
		party = new Party(handlers, 0);
		partyline = party.partyline;
		callerContext = party.callerContext;
		callerId = party.callerId;
		eventAdmin = party.eventAdmin;
		answering = party.answering;
		declining = party.declining;
		decliningFreshly = party.decliningFreshly;
		payload = Party.PAYLOAD;
	}

	@TearDown(Level.Trial)
	public void disperse() {
		party.close();
	}

	@Benchmark
	public List<Object> loop() {
		return PlainLoop.askAround(answering, callerId, payload);
	}

	@Benchmark
	public List<Object> askAround() {
		return partyline.askAround(Party.ANSWERING, payload);
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
