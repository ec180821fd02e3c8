package org.partyline.bench;

import java.util.concurrent.TimeUnit;

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
import org.osgi.service.event.EventAdmin;
import org.partyline.api.Partyline;

/**
 * What every benchmark class measures in: a {@link Party} of {@code handlers} per name, set up once per trial. JMH
 * applies these annotations, the parameter and the fixtures to each subclass (public: its generated code names the
 * class that declares them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public abstract class PartyState {

	@Param({ "1", "10", "100" })
	public int handlers;

	// the party's parts, copied into the state object: a benchmark reads each with one load, as a caller's field
	Partyline partyline;
	BundleContext callerContext;
	long callerId;
	EventAdmin eventAdmin;
	OwnedHandler[] answering;
	OwnedHandler[] declining;
	OwnedHandler[] decliningFreshly;
	Object payload;

	private Party party;

	/** Handlers of other names besides, one name each; none unless a benchmark class crowds the registry. */
	int unrelated() {
		return 0;
	}

	@Setup(Level.Trial)
	public void gather() {
		party = new Party(handlers, unrelated());
		partyline = party.partyline;
		callerContext = party.callerContext;
		callerId = party.callerId;
		eventAdmin = party.eventAdmin;
		answering = party.answering;
		declining = party.declining;
		decliningFreshly = party.decliningFreshly;
		payload = Party.PAYLOAD;
		gathered(party);
	}

	/** What a benchmark class adds to the party once it is gathered; nothing by default. */
	void gathered(Party party) {
		// the plain party
	}

	@TearDown(Level.Trial)
	public void disperse() {
		party.close();
	}
}
