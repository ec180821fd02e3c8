package org.partyline.bench;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.osgi.framework.InvalidSyntaxException;
import org.partyline.api.Handler;

/**
 * The same asks with {@value #UNRELATED} handlers of other names on the same {@link Handler} interface: Felix
 * indexes its registry by interface only, so a registry lookup walks all of them; askAround must not notice.
 */
public class CrowdedRegistryBenchmarks extends PartyState {

	static final int UNRELATED = 10_000;

	@Override
	int unrelated() {
		return UNRELATED;
	}

	// AskBenchmarks' askAround and registryLookup again: JMH names a result by its method, and these asks are others
	@Benchmark
	public List<Object> askAroundAmongUnrelated() {
		return partyline.askAround(Party.ANSWERING, payload);
	}

	@Benchmark
	public List<Object> registryLookupAmongUnrelated() throws InvalidSyntaxException {
		return RegistryLookup.askAround(callerContext, callerId, payload);
	}
}
