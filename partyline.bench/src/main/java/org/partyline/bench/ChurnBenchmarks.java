package org.partyline.bench;

import java.util.Dictionary;
import java.util.Hashtable;
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
import org.partyline.api.Handler;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/**
 * Handlers coming and going: {@code connect} + {@code close} of one more handler of a name that already has
 * {@code handlers} (the index copies that name's array each time), against the bare framework cost of registering and
 * unregistering a service nobody tracks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ChurnBenchmarks {

	@Param({ "1", "10", "100" })
	public int handlers;

	private Party party;
	private Partyline partyline;
	private BundleContext callerContext;
	private final Handler newcomer = new Answering();
	private final Runnable untracked = () -> {
	};
	private final Dictionary<String, Object> untrackedProperties = new Hashtable<>();

	@Setup(Level.Trial)
	public void gather() {
		party = new Party(handlers, 0);
		partyline = party.partyline;
		callerContext = party.callerContext;
		untrackedProperties.put(PartylineConstants.SERVICE_NAME, Party.ANSWERING);
	}

	@TearDown(Level.Trial)
	public void disperse() {
		party.close();
	}

	@Benchmark
	public void connectAndClose() {
		partyline.connect(Party.ANSWERING, newcomer).close();
	}

	@Benchmark
	public void registerUntracked() {
		callerContext.registerService(Runnable.class, untracked, untrackedProperties).unregister();
	}
}
