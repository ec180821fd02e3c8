package org.partyline.internal.invite;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A whiteboard servlet whose invitation has not been answered yet, and the requests it would serve waiting for that.
 * Requests are matched to it by the servlet path and path info the runtime gave them, as the Servlet specification
 * defines them for each kind of pattern; once a runtime reports the servlet deployed, by its context path too.
 * <p>
 * A request whose whole path within its context falls under one of its prefix or exact patterns is matched too,
 * however the runtime split that path: a runtime deploying the servlet may give a request the split of the mapping
 * before (the default servlet's: the whole path as servlet path) and still hand it to the new servlet.
 */
final class AwaitedServlet {

	final long serviceId;
	private final String[] exact;
	private final String[] prefixes;
	private final String[] extensions;
	private final boolean isDefault;
	private final boolean isRoot;
	private final CountDownLatch answered = new CountDownLatch(1);
	/** The context it was found deployed in, or null before: then requests are matched in every context. */
	private volatile String contextPath;
	/** The timer that stops awaiting it if no runtime deploys it; cancelled once it is deployed or answered. */
	private volatile Future<?> expiry;

	AwaitedServlet(long serviceId, List<String> patterns) {
		this.serviceId = serviceId;
		this.exact = patterns.stream().filter(p -> p.startsWith("/") && !p.endsWith("/*") && !p.equals("/"))
				.toArray(String[]::new);
		// "/x/*" is served with the servlet path "/x"; "/*" with the empty one
		this.prefixes = patterns.stream().filter(p -> p.startsWith("/") && p.endsWith("/*"))
				.map(p -> p.substring(0, p.length() - 2)).toArray(String[]::new);
		this.extensions = patterns.stream().filter(p -> p.startsWith("*.")).map(p -> p.substring(1))
				.toArray(String[]::new);
		this.isDefault = patterns.contains("/");
		this.isRoot = patterns.contains("");
	}

	void locatedIn(String deployedContextPath) {
		this.contextPath = deployedContextPath;
		cancelExpiry();
	}

	/** Its expiry timer; cancelled at once if it is no longer awaited meanwhile. */
	void expiresWith(Future<?> timer) {
		expiry = timer;
		if (answered.getCount() == 0 || located()) {
			cancelExpiry();
		}
	}

	private void cancelExpiry() {
		Future<?> timer = expiry;
		if (timer != null) {
			timer.cancel(false); // so that a thousand answered servlets leave no thousand timers to run at rest
		}
	}

	boolean located() {
		return contextPath != null;
	}

	void answer() {
		answered.countDown();
		cancelExpiry();
	}

	/** Waits for the answer, at most that long; true if it came. */
	boolean awaitAnswer(long nanos) throws InterruptedException {
		return answered.await(nanos, TimeUnit.NANOSECONDS);
	}

	/** Whether the runtime may have chosen this servlet for a request so mapped. */
	boolean mayServe(String requestContextPath, String servletPath, String pathInfo) {
		String deployedIn = contextPath;
		if (deployedIn != null && !deployedIn.equals(DeployedServlet.withoutTrailingSlash(requestContextPath))) {
			return false;
		}
		String path = servletPath == null ? "" : servletPath;
		if (pathUnder(pathInfo == null ? path : path + pathInfo)) {
			return true;
		}
		if (pathInfo != null) {
			return isRoot && path.isEmpty() && pathInfo.equals("/");
		}
		for (String extension : extensions) {
			if (path.endsWith(extension)) {
				return true;
			}
		}
		return isDefault; // the default servlet serves what no other pattern took, with no path info
	}

	/** Whether a whole path within the context is one of the prefixes, or under one, or one of the exact patterns. */
	private boolean pathUnder(String wholePath) {
		for (String prefix : prefixes) {
			if (wholePath.startsWith(prefix) && (wholePath.length() == prefix.length()
					|| wholePath.charAt(prefix.length()) == '/')) {
				return true;
			}
		}
		for (String pattern : exact) {
			if (wholePath.equals(pattern)) {
				return true;
			}
		}
		return false;
	}
}
