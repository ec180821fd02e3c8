package org.partyline.internal.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A ticket admits one GET of its route, with its token, once, before its deadline. */
class TicketsTest {

	private static final String ROUTE = "/shop/__invite__/";
	private static final Duration VALID = Duration.ofMinutes(1);

	private final Tickets tickets = new Tickets();

	@Test
	void theGetOfItsRouteWithItsTokenRedeemsATicketOnce() {
		Ticket ticket = tickets.issue(ROUTE, null, VALID);

		assertSame(ticket, tickets.redeem("GET", ROUTE, ticket.tokenText()));
		assertNull(tickets.redeem("GET", ROUTE, ticket.tokenText()), "spent");
	}

	@Test
	void anotherMethodRouteOrTokenRedeemsNothingAndLeavesTheTicketValid() {
		Ticket ticket = tickets.issue(ROUTE, null, VALID);

		assertNull(tickets.redeem("POST", ROUTE, ticket.tokenText()));
		assertNull(tickets.redeem("GET", "/blog/__invite__/", ticket.tokenText()));
		assertNull(tickets.redeem("GET", ROUTE, ticket.tokenText() + "x"));
		assertNull(tickets.redeem("GET", ROUTE, null));
		assertNull(tickets.redeem("GET", null, ticket.tokenText()));
		assertSame(ticket, tickets.redeem("GET", ROUTE, ticket.tokenText()));
	}

	@Test
	void aTicketPastItsDeadlineRedeemsNothing() {
		Ticket ticket = tickets.issue(ROUTE, null, Duration.ofNanos(-1));

		assertNull(tickets.redeem("GET", ROUTE, ticket.tokenText()));
	}

	@Test
	void aNewTicketForTheRouteReplacesTheEarlierOneAndAWithdrawnOneRedeemsNothing() {
		Ticket first = tickets.issue(ROUTE, null, VALID);
		Ticket second = tickets.issue(ROUTE, null, VALID);

		assertNotEquals(first.tokenText(), second.tokenText());
		assertEquals(43, second.tokenText().length(), "256 bits, base64url without padding");
		assertNull(tickets.redeem("GET", ROUTE, first.tokenText()));
		tickets.withdraw(first); // not the current one: changes nothing
		tickets.withdraw(second);
		assertNull(tickets.redeem("GET", ROUTE, second.tokenText()));
	}
}
