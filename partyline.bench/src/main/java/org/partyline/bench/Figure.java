package org.partyline.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** One benchmark's measured figure: mean time per operation, its 99.9% error, bytes allocated per operation. */
record Figure(double nanos, double error, double bytes) {

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	static Figure of(RunResult result) {
		Result<?> primary = result.getPrimaryResult();
		// the label had a "·" prefix in older JMH versions
		double bytes = result.getSecondaryResults().entrySet().stream()
				.filter(e -> e.getKey().endsWith(ALLOCATION))
				.mapToDouble(e -> e.getValue().getScore())
				.findFirst().orElse(Double.NaN);
		return new Figure(primary.getScore(), primary.getScoreError(), bytes);
	}

	/** The benchmark method's name, as JMH reports it. */
	static String methodOf(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

	/** JMH's own bookkeeping adds a fraction of a byte per operation. */
	double wholeBytes() {
		return Math.rint(bytes);
	}
}
