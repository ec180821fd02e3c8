package org.partyline.bench;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What partyline.impl's admission filter costs a request: its real Jakarta filter, got from the registry of a Felix
 * running the real bundles, called as a whiteboard runtime calls it for every request, against calling the rest of
 * the chain directly. With nothing awaited (nearly every request), and while another servlet's invitation is awaited
 * (each request is matched against that servlet, and goes on).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AdmissionBenchmarks {

	static final String FILTER_NAME = "partyline-admission";
	/** Registered by partyline.impl while no servlet's invitation is awaited. */
	private static final String NONE_AWAITED = "(osgi.condition.id=partyline.invitations.answered)";

	Filter filter;
	FilterChain chain;
	ServletRequest request;
	ServletResponse response;

	private EmbeddedFelix felix;
	private Bundle web;

	@Setup(Level.Trial)
	public void start(Blackhole blackhole) {
		felix = EmbeddedFelix.startWithServletApi();
		try {
			filter = EmbeddedFelix.serviceOf(felix.systemContext().getBundle(), Filter.class,
					"osgi.http.whiteboard.filter.name", FILTER_NAME);
			web = ParticipantBundle.install(felix, "bench.web");
			chain = new ConsumingChain(blackhole);
			request = new MappedRequest("", "/shop", "/product");
			response = Untouchable.of(HttpServletResponse.class);
			if (!noneAwaited()) {
				throw new IllegalStateException("A servlet is awaited: the benchmark would not measure the usual case");
			}
		} catch (RuntimeException e) {
			felix.close();
			throw e;
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		felix.close();
	}

	@Benchmark
	public void chainAlone() throws IOException, ServletException {
		chain.doFilter(request, response);
	}

	@Benchmark
	public void admitted() throws IOException, ServletException {
		filter.doFilter(request, response, chain);
	}

	/** The same request, for /shop, while a servlet at /elsewhere is awaited. */
	@Benchmark
	public void admittedWhileAnotherAwaited(AnotherAwaited elsewhere) throws IOException, ServletException {
		filter.doFilter(request, response, chain);
	}

	private boolean noneAwaited() {
		try {
			return felix.systemContext().getServiceReferences((String) null, NONE_AWAITED) != null;
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What comes after the filter: the servlet, here a blackhole, so the JIT cannot drop the request. */
	private static final class ConsumingChain implements FilterChain {

		private final Blackhole blackhole;

		ConsumingChain(Blackhole blackhole) {
			this.blackhole = blackhole;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) {
			blackhole.consume(request);
			blackhole.consume(response);
		}
	}

	/**
	 * A servlet at {@code /elsewhere/*}, registered anew for each iteration: no runtime deploys it, so it is awaited
	 * from its registration until the invite timeout (5 s), longer than an iteration.
	 */
	@State(Scope.Benchmark)
	public static class AnotherAwaited {

		private AdmissionBenchmarks gate;
		private ServiceRegistration<Servlet> registration;

		@Setup(Level.Iteration)
		public void register(AdmissionBenchmarks gate) {
			this.gate = gate;
			Dictionary<String, Object> properties = new Hashtable<>();
			properties.put("osgi.http.whiteboard.servlet.pattern", "/elsewhere/*");
			registration = gate.web.getBundleContext().registerService(Servlet.class, Untouchable.of(Servlet.class),
					properties);
			if (gate.noneAwaited()) {
				registration.unregister();
				throw new IllegalStateException("The servlet at /elsewhere/* is not awaited: nothing to match against");
			}
		}

		@TearDown(Level.Iteration)
		public void unregister() {
			boolean stillAwaited = !gate.noneAwaited();
			registration.unregister();
			if (!stillAwaited) {
				throw new IllegalStateException("The servlet at /elsewhere/* stopped being awaited during the iteration:"
						+ " an iteration must be shorter than the invite timeout");
			}
		}
	}
}
