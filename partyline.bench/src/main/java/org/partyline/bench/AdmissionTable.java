package org.partyline.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;

/**
 * The admission benchmarks' results: each against calling the chain directly, then the target for a request
 * while nothing is awaited: at most {@value #NANOS_GOAL} ns and no allocation more than the chain alone.
 */
final class AdmissionTable {

	private record Row(String method, String label) {
	}

	private static final String BASE = "chainAlone";
	private static final String NOTHING_AWAITED = "admitted";
	private static final List<Row> ROWS = List.of(
			new Row(BASE, "chain called directly (the base)"),
			new Row(NOTHING_AWAITED, "admission filter, nothing awaited"),
			new Row("admittedWhileAnotherAwaited", "admission filter, another servlet awaited"));
	private static final int NANOS_GOAL = 50;

	private final Map<String, Figure> figures = new HashMap<>();

	AdmissionTable(Collection<RunResult> results) {
		String prefix = AdmissionBenchmarks.class.getName() + ".";
		for (RunResult result : results) {
			if (result.getParams().getBenchmark().startsWith(prefix)) {
				figures.put(Figure.methodOf(result), Figure.of(result));
			}
		}
	}

	boolean isEmpty() {
		return figures.isEmpty();
	}

	/** Benchmarks expected but missing from the results (none, unless the run was narrowed or failed). */
	List<String> missing() {
		return ROWS.stream().map(Row::method).filter(method -> !figures.containsKey(method)).toList();
	}

	String figuresTable() {
		MarkdownTable table = new MarkdownTable("request", ">ns/op", ">± (99.9%)", ">− base", ">× base", ">bytes/op");
		Figure base = figures.get(BASE);
		for (Row row : ROWS) {
			Figure figure = figures.get(row.method);
			if (figure == null) {
				continue;
			}
			boolean compared = base != null && figure != base;
			table.row(row.label, ResultTable.nanos(figure.nanos()), ResultTable.nanos(figure.error()),
					compared ? ResultTable.nanos(figure.nanos() - base.nanos()) : "–",
					compared ? ResultTable.ratio(figure.nanos() / base.nanos()) : "–",
					ResultTable.bytes(figure.bytes()));
		}
		return table.toString();
	}

	String targetsTable() {
		MarkdownTable table = new MarkdownTable("target", ">measured", ">goal", "verdict");
		Figure base = figures.get(BASE);
		Figure admitted = figures.get(NOTHING_AWAITED);
		if (base != null && admitted != null) {
			double nanos = admitted.nanos() - base.nanos();
			table.row("filter − chain alone, nothing awaited (ns/op)", ResultTable.nanos(nanos),
					"≤ " + NANOS_GOAL, verdict(nanos, NANOS_GOAL));
			double bytes = admitted.wholeBytes() - base.wholeBytes();
			table.row("filter − chain alone, nothing awaited (bytes/op)", ResultTable.bytes(bytes), "≤ 0",
					verdict(bytes, 0));
		}
		return table.toString();
	}

	private static String verdict(double value, double goal) {
		return Double.isNaN(value) ? "?" : value <= goal ? "met" : "MISSED";
	}
}
