package org.partyline.bench;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.openjdk.jmh.annotations.Benchmark;
import org.partyline.api.Handler;
import org.partyline.api.PartylineConstants;

/**
 * Handlers coming and going: {@code connect} + {@code close} of one more handler of a name that already has
 * {@code handlers} (the index copies that name's array each time), against the bare framework cost of registering and
 * unregistering a service nobody tracks.
 */
public class ChurnBenchmarks extends PartyState {

	private final Handler newcomer = new Answering();
	private final Runnable untracked = () -> {
	};
	private final Dictionary<String, Object> untrackedProperties = new Hashtable<>(
			Map.of(PartylineConstants.SERVICE_NAME, Party.ANSWERING));

	@Benchmark
	public void connectAndClose() {
		partyline.connect(Party.ANSWERING, newcomer).close();
	}

	@Benchmark
	public void registerUntracked() {
		callerContext.registerService(Runnable.class, untracked, untrackedProperties).unregister();
	}
}
