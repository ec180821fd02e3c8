package org.partyline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Optional;

/**
 * Runs every benchmark in one JMH run, with the GC profiler, and prints the figures with their ratios to the plain
 * loop and the targets, and what the admission filter adds to a request against the chain alone.
 * <p>
 * {@code --full} (the run BENCHMARKS.md reports, about 15 minutes) or {@code --short} (seconds: no fork, one short
 * iteration, 10 handlers; proves the benchmarks run, its timings mean nothing and nothing is asserted). Any further
 * arguments are JMH's own options and win over these defaults, e.g. {@code -f 1 -p handlers=10 askAround}.
 */
public final class BenchMain {

	private static final String JMH_FROM_MAVEN = "--jmh=";
	private static final Path RESULT = Path.of("target", "bench", "jmh-result.json");
	private static final List<Integer> ALL_HANDLER_COUNTS = List.of(1, 10, 100);
	private static final int SHORT_HANDLER_COUNT = 10;

	private BenchMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
		boolean full = false;
		List<String> jmhArgs = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("--full") || arg.equals("--short")) {
				full = arg.equals("--full");
			} else if (arg.startsWith(JMH_FROM_MAVEN)) {
				// Maven hands the extra options over as one argument (-Dbench.args)
				String options = arg.substring(JMH_FROM_MAVEN.length()).trim();
				if (!options.isEmpty()) {
					jmhArgs.addAll(Arrays.asList(options.split("\\s+")));
				}
			} else {
				jmhArgs.add(arg);
			}
		}
		CommandLineOptions given = new CommandLineOptions(jmhArgs.toArray(String[]::new));
		ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
		if (given.getIncludes().isEmpty()) {
			options.include(BenchMain.class.getPackageName() + "\\.\\w+Benchmarks\\.");
		}
		if (full) {
			defaults(given, options, 2, 5, TimeValue.seconds(1), VerboseMode.NORMAL);
		} else {
			defaults(given, options, 0, 1, TimeValue.milliseconds(200), VerboseMode.SILENT);
			String handlers = Integer.toString(SHORT_HANDLER_COUNT);
			unlessGiven(given.getParameter("handlers"), () -> options.param("handlers", handlers));
		}
		options.addProfiler(GCProfiler.class).shouldFailOnError(true);
		if (!given.getResult().hasValue()) {
			Files.createDirectories(RESULT.getParent());
			options.resultFormat(ResultFormatType.JSON).result(RESULT.toString());
		}

		double loadBefore = loadAverage();
		long start = System.nanoTime();
		Collection<RunResult> results = new Runner(options.build()).run();
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		ResultTable table = new ResultTable(results);
		AdmissionTable admissions = new AdmissionTable(results);
		System.out.println();
		System.out.println("Partyline benchmarks, " + (full ? "full" : "short") + " mode, "
				+ DateTimeFormatter.ISO_LOCAL_DATE.format(ZonedDateTime.now()) + "; "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + "; "
				+ Runtime.getRuntime().availableProcessors() + " cores; load average "
				+ String.format(Locale.ROOT, "%.2f before, %.2f after", loadBefore, loadAverage()) + "; took "
				+ took.toSeconds() + " s");
		System.out.println("ns/op: mean time per ask (lower is better); × loop, × askAround: ÷ the plain loop,"
				+ " ÷ askAround at the same N; bytes/op: JMH -prof gc, gc.alloc.rate.norm");
		System.out.println();
		System.out.print(table.figuresTable());
		System.out.println();
		System.out.print(table.targetsTable());
		if (!admissions.isEmpty()) {
			System.out.println();
			System.out.println("What the admission filter costs a request; − base, × base: against the chain alone");
			System.out.println();
			System.out.print(admissions.figuresTable());
			System.out.println();
			System.out.print(admissions.targetsTable());
		}
		if (!full) {
			System.out.println("(short mode: one 200 ms iteration without fork; the timings above are not meaningful"
					+ " and not asserted)");
		}
		List<String> missing = new ArrayList<>(table.missing(full ? ALL_HANDLER_COUNTS : List.of(SHORT_HANDLER_COUNT)));
		missing.addAll(admissions.missing());
		if (given.getIncludes().isEmpty() && !given.getParameter("handlers").hasValue() && !missing.isEmpty()) {
			System.err.println("Benchmarks that produced no result: " + missing);
			System.exit(1);
		}
		if (!given.getResult().hasValue()) {
			System.out.println("JMH results: " + RESULT.toAbsolutePath());
		}
		// Felix and JMH leave no non-daemon thread behind, but a hung exit would hang the build
		System.exit(0);
	}

	private static void defaults(CommandLineOptions given, ChainedOptionsBuilder options, int forks, int iterations,
			TimeValue time, VerboseMode verbosity) {
		unlessGiven(given.getForkCount(), () -> options.forks(forks));
		unlessGiven(given.getWarmupIterations(), () -> options.warmupIterations(iterations));
		unlessGiven(given.getWarmupTime(), () -> options.warmupTime(time));
		unlessGiven(given.getMeasurementIterations(), () -> options.measurementIterations(iterations));
		unlessGiven(given.getMeasurementTime(), () -> options.measurementTime(time));
		unlessGiven(given.verbosity(), () -> options.verbosity(verbosity));
	}

	/** The builder's own settings win over its parent's: a default set regardless would override the command line. */
	private static void unlessGiven(Optional<?> given, Runnable setDefault) {
		if (!given.hasValue()) {
			setDefault.run();
		}
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}
}
