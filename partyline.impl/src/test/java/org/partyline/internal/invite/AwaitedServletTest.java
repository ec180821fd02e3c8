package org.partyline.internal.invite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which requests an awaited servlet may serve, by the context path, servlet path and path info a runtime gave them. */
class AwaitedServletTest {

	private final AwaitedServlet gated = new AwaitedServlet(1, List.of("/gated/*"));

	@Test
	void aPrefixServletMayServeItsPrefixAndEverythingUnderIt() {
		assertTrue(gated.mayServe("", "/gated", null));
		assertTrue(gated.mayServe("", "/gated", "/page"));
		assertFalse(gated.mayServe("", "/gatedother", null));
		assertFalse(gated.mayServe("", "/blog", "/gated/page"));
	}

	/**
	 * A runtime deploying the servlet may give a request the split of the default servlet (the whole path as servlet
	 * path) and still hand it to the new servlet. (KarafIT once saw Pax Web serve a hot-deployed servlet's page
	 * uninvited; such a split is the one way found to pass the admission filter.)
	 */
	@Test
	void aRequestSplitAsTheDefaultServletsIsStillMatchedByItsWholePath() {
		assertTrue(gated.mayServe("", "/gated/page", null));
		assertTrue(gated.mayServe("", "", "/gated/page"));
	}

	@Test
	void onceLocatedOnlyRequestsInItsContextAreMatched() {
		gated.locatedIn("/app");

		assertTrue(gated.mayServe("/app", "/gated", "/page"));
		assertTrue(gated.mayServe("/app/", "/gated", "/page"));
		assertFalse(gated.mayServe("", "/gated", "/page"));
	}

	@Test
	void exactExtensionDefaultAndRootPatternsMatchAsTheServletSpecificationMapsThem() {
		AwaitedServlet exact = new AwaitedServlet(2, List.of("/health"));
		AwaitedServlet extension = new AwaitedServlet(3, List.of("*.json"));
		AwaitedServlet fallback = new AwaitedServlet(4, List.of("/"));
		AwaitedServlet root = new AwaitedServlet(5, List.of(""));

		assertTrue(exact.mayServe("", "/health", null));
		assertFalse(exact.mayServe("", "/health", "/x"));
		assertTrue(extension.mayServe("", "/report.json", null));
		assertFalse(extension.mayServe("", "/report.txt", null));
		assertTrue(fallback.mayServe("", "/anything", null));
		assertFalse(fallback.mayServe("", "/shop", "/page"));
		assertTrue(root.mayServe("", "", "/"));
		assertFalse(root.mayServe("", "", "/page"));
	}
}
