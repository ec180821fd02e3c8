package org.partyline.internal.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where a servlet is invited, from its patterns or its explicit route. */
class InviteRoutesTest {

	@Test
	void aPrefixPatternGivesTheInviteSegmentUnderItsPrefix() {
		assertEquals(Optional.of(new InviteRoutes.Route("/shop/*", "/shop/__invite__/")),
				InviteRoutes.derive(List.of("/shop/*")));
		assertEquals("/a/b/__invite__/", InviteRoutes.derive(List.of("/a/b/*")).orElseThrow().path());
	}

	@Test
	void theDefaultAndTheWholeContextPatternsGiveTheRootRoute() {
		assertEquals("/__invite__/", InviteRoutes.derive(List.of("/")).orElseThrow().path());
		assertEquals("/__invite__/", InviteRoutes.derive(List.of("/*")).orElseThrow().path());
	}

	@Test
	void exactAndExtensionPatternsGiveNoneButTheFirstPatternThatGivesOneCounts() {
		assertTrue(InviteRoutes.derive(List.of("/exact", "*.jsp")).isEmpty());
		assertTrue(InviteRoutes.derive(List.of()).isEmpty());
		assertEquals(new InviteRoutes.Route("/b/*", "/b/__invite__/"),
				InviteRoutes.derive(List.of("/exact", "/b/*", "/c/*")).orElseThrow());
	}

	@Test
	void anExplicitRouteMustBeAPathStartingWithASlash() {
		assertEquals("/status/__invite__/", InviteRoutes.explicit("/status/__invite__/").orElseThrow().path());
		assertTrue(InviteRoutes.explicit("status/__invite__/").isEmpty());
		assertTrue(InviteRoutes.explicit(null).isEmpty());
		assertTrue(InviteRoutes.explicit(new String[] { "/x" }).isEmpty(), "one route, not a list");
	}
}
