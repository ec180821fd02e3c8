package org.partyline.bench;

import java.util.List;
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
import org.partyline.api.Handler;
import org.partyline.api.Partyline;

/**
 * The same asks with {@value #UNRELATED} handlers of other names on the same {@link Handler} interface: Felix
 * indexes its registry by interface only, so a registry lookup walks all of them; askAround must not notice.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CrowdedRegistryBenchmarks {

	static final int UNRELATED = 10_000;

	@Param({ "1", "10", "100" })
	public int handlers;

	private Party party;
	private Partyline partyline;
	private BundleContext callerContext;
	private long callerId;
	private Object payload;

	@Setup(Level.Trial)
	public void gather() {
		party = new Party(handlers, UNRELATED);
		partyline = party.partyline;
		callerContext = party.callerContext;
		callerId = party.callerId;
		payload = Party.PAYLOAD;
	}

	@TearDown(Level.Trial)
	public void disperse() {
		party.close();
	}

	@Benchmark
	public List<Object> askAroundAmongUnrelated() {
		return partyline.askAround(Party.ANSWERING, payload);
	}

	@Benchmark
	public List<Object> registryLookupAmongUnrelated() throws InvalidSyntaxException {
		return RegistryLookup.askAround(callerContext, callerId, payload);
	}
}
