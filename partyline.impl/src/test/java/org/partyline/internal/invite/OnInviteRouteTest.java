package org.partyline.internal.invite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a WAR's gate takes for an invite route: what the whiteboard guard's regex matches. */
class OnInviteRouteTest {

	@Test
	void aPathWithTheInviteSegmentInAnyCaseIsAnInviteRoute() {
		assertTrue(InviteGuard.onInviteRoute("/legacy/desk/__invite__/"));
		assertTrue(InviteGuard.onInviteRoute("/legacy/desk/__INVITE__/"));
		assertTrue(InviteGuard.onInviteRoute("/legacy/desk/x__Invite__y"));
		assertTrue("/legacy/desk/__invite__/".matches(InviteGuard.ROUTE_REGEX), "as the regex has it");
	}

	@Test
	void anyOtherPathIsNot() {
		assertFalse(InviteGuard.onInviteRoute("/legacy/desk/"));
		assertFalse(InviteGuard.onInviteRoute("/legacy/desk/_invite_/"));
		assertFalse(InviteGuard.onInviteRoute(null));
	}
}
