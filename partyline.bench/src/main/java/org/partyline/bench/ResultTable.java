package org.partyline.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.IntToDoubleFunction;

import org.openjdk.jmh.results.RunResult;

/**
 * JMH's results as two tables: every figure with its ratio to {@code loop} at the same number of handlers (and, for
 * the asks that say who answered, to {@code askAround}), then the issue's targets. Only ratios within one run mean anything on a shared machine; the absolute figures are noise.
 */
final class ResultTable {

	/** How a row is compared: with the loop, also with askAround (the asks that say who answered), or not at all. */
	private enum Base {
		LOOP, LOOP_AND_ASK_AROUND, NONE
	}

	/** A benchmark method and how it is shown; churn has no loop to compare with. */
	private record Row(String method, String label, Base base) {
	}

	private static final List<Row> ROWS = List.of(
			new Row("loop", "loop (the limit)", Base.LOOP),
			new Row("askAround", "askAround", Base.LOOP_AND_ASK_AROUND),
			new Row("replies", "replies", Base.LOOP_AND_ASK_AROUND),
			new Row("askAroundAsync", "askAroundAsync, to resolution", Base.LOOP_AND_ASK_AROUND),
			new Row("askFirst", "askFirst", Base.LOOP),
			new Row("registryLookup", "registry lookup", Base.LOOP),
			new Row("eventAdmin", "EventAdmin sendEvent", Base.LOOP),
			new Row("askAroundAmongUnrelated", "askAround, 10k unrelated", Base.LOOP),
			new Row("askAroundOnANode", "askAround on a node, a name only here", Base.LOOP_AND_ASK_AROUND),
			new Row("registryLookupAmongUnrelated", "registry lookup, 10k unrelated", Base.LOOP),
			new Row("loopDeclining", "loop, all declining", Base.LOOP),
			new Row("askAroundDeclining", "askAround, all declining", Base.LOOP),
			new Row("loopDecliningFreshly", "loop, all declining (new)", Base.LOOP),
			new Row("askAroundDecliningFreshly", "askAround, all declining (new)", Base.LOOP),
			new Row("connectAndClose", "connect + close", Base.NONE),
			new Row("registerUntracked", "register + unregister, untracked", Base.NONE));

	private final Map<String, Figure> figures = new HashMap<>();
	private final TreeSet<Integer> handlerCounts = new TreeSet<>();

	ResultTable(Collection<RunResult> results) {
		for (RunResult result : results) {
			String handlersParam = result.getParams().getParam("handlers");
			if (handlersParam == null) {
				continue; // not an ask: AdmissionTable's
			}
			int handlers = Integer.parseInt(handlersParam);
			figures.put(key(Figure.methodOf(result), handlers), Figure.of(result));
			handlerCounts.add(handlers);
		}
	}

	/** Benchmarks expected but missing from the results (none, unless the run was narrowed or failed). */
	List<String> missing(Collection<Integer> expectedHandlerCounts) {
		return ROWS.stream().flatMap(row -> expectedHandlerCounts.stream().map(n -> key(row.method, n)))
				.filter(key -> !figures.containsKey(key)).toList();
	}

	String figuresTable() {
		MarkdownTable table = new MarkdownTable(">N", "benchmark", ">ns/op", ">± (99.9%)", ">× loop", ">× askAround",
				">bytes/op");
		for (int handlers : handlerCounts) {
			Figure loop = figures.get(key("loop", handlers));
			Figure askAround = figures.get(key("askAround", handlers));
			for (Row row : ROWS) {
				Figure figure = figures.get(key(row.method, handlers));
				if (figure == null) {
					continue;
				}
				String toLoop = row.base != Base.NONE ? ratio(figure, loop) : "–";
				String toAskAround = row.base == Base.LOOP_AND_ASK_AROUND ? ratio(figure, askAround) : "–";
				table.row(Integer.toString(handlers), row.label, nanos(figure.nanos()), nanos(figure.error()), toLoop,
						toAskAround, bytes(figure.bytes()));
			}
		}
		return table.toString();
	}

	String targetsTable() {
		MarkdownTable table = new MarkdownTable("target", ">N", ">measured", ">goal", "verdict");
		ratioTarget(table, "askAround ÷ loop", "askAround", "loop", ResultTable::loopGoal);
		ratioTarget(table, "askAround, 10k unrelated ÷ askAround", "askAroundAmongUnrelated", "askAround", n -> 1.1);
		ratioTarget(table, "askAround on a node, a name only here ÷ askAround", "askAroundOnANode", "askAround",
				n -> 1.3);
		compare(table, "askAround bytes/op − loop bytes/op", "askAround", "loop",
				(asked, loop) -> asked.wholeBytes() - loop.wholeBytes(), n -> 16, ResultTable::bytes);
		compare(table, "askFirst bytes/op (its Optional only)", "askFirst", "askFirst",
				(asked, same) -> asked.wholeBytes(), n -> 16, ResultTable::bytes);
		ratioTarget(table, "askAround all declining ÷ all answering", "askAroundDeclining", "askAround", n -> 2.0);
		// new HighAndDry() costs its allocation in any loop: what Partyline adds to it is what it can answer for
		ratioTarget(table, "askAround declining (new) ÷ loop declining (new)", "askAroundDecliningFreshly",
				"loopDecliningFreshly", ResultTable::loopGoal);
		// a servlet's registration to its handler's first answer needs Jetty, loopback HTTP and a real invitation:
		// measured inside the integration test framework, median of 20, printed by every mvn -B verify
		table.row("invite latency (median)", "–", "see itest", "50 ms", "InviteLatencyTest: 'invite latency' line");
		return table.toString();
	}

	/** The issue's bar for Partyline against the plain loop: 2x at one handler, where fixed costs weigh most. */
	private static double loopGoal(int handlers) {
		return handlers == 1 ? 2.0 : 1.3;
	}

	private void ratioTarget(MarkdownTable table, String target, String measured, String base,
			IntToDoubleFunction goal) {
		compare(table, target, measured, base, (m, b) -> m.nanos() / b.nanos(), goal, ResultTable::ratio);
	}

	/** One row of the target per number of handlers measured, where both figures are there. */
	private void compare(MarkdownTable table, String target, String measured, String base,
			BiFunction<Figure, Figure, Double> value, IntToDoubleFunction goal, DoubleFunction<String> format) {
		for (int handlers : handlerCounts) {
			Figure m = figures.get(key(measured, handlers));
			Figure b = figures.get(key(base, handlers));
			if (m == null || b == null) {
				continue;
			}
			double v = value.apply(m, b);
			double bar = goal.applyAsDouble(handlers);
			String verdict = Double.isNaN(v) ? "?" : v <= bar ? "met" : "MISSED";
			table.row(target, Integer.toString(handlers), format.apply(v), "≤ " + format.apply(bar), verdict);
		}
	}

	/** The figure's time ÷ the base's, of the same run; "–" when the base was not measured. */
	private static String ratio(Figure figure, Figure base) {
		return base == null ? "–" : ratio(figure.nanos() / base.nanos());
	}

	private static String key(String method, int handlers) {
		return method + "@" + handlers;
	}

	static String nanos(double nanos) {
		if (nanos >= 10_000) {
			return String.format(Locale.ROOT, "%,.0f", nanos);
		}
		return String.format(Locale.ROOT, nanos >= 100 ? "%.0f" : "%.1f", nanos);
	}

	static String ratio(double ratio) {
		return String.format(Locale.ROOT, ratio >= 100 ? "%.0f" : ratio >= 10 ? "%.1f" : "%.2f", ratio);
	}

	static String bytes(double bytes) {
		return Double.isNaN(bytes) ? "?" : String.format(Locale.ROOT, "%.0f", bytes);
	}
}
