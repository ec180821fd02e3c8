package org.partyline.itest.support;

import static org.awaitility.Awaitility.await;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.partyline.api.Partyline;

/**
 * What a test servlet of either API does, kept free of servlet types: its invitation waits until the test lets it
 * answer, and every other request says whether the servlet held its {@code Partyline} when serving it.
 */
public final class HeldInvitation {

	/** A page served by a servlet that had joined. */
	public static final String INVITED = "invited";
	/** A page served by a servlet that had not been invited (yet). */
	public static final String NOT_INVITED = "not invited";

	/** The handler each joins with. */
	public static final String SERVICE_NAME = "held.invitation";

	private final CountDownLatch answer = new CountDownLatch(1);
	private final AtomicInteger invitations = new AtomicInteger();
	private volatile Partyline partyline;

	/** A servlet that answers its invitation at once. */
	public static HeldInvitation answeredAtOnce() {
		HeldInvitation invitation = new HeldInvitation();
		invitation.letItAnswer();
		return invitation;
	}

	/**
	 * The invite route: waits until the test lets it answer (or 30 s), then keeps the partyline and joins with a
	 * handler (what makes an invitation joined rather than declined).
	 */
	String invited(Partyline invitedWith) throws InterruptedException {
		invitations.incrementAndGet();
		if (!answer.await(30, TimeUnit.SECONDS)) {
			return "never let answer";
		}
		invitedWith.connect(SERVICE_NAME, payload -> INVITED);
		partyline = invitedWith;
		return "joined";
	}

	/** Any other route. */
	String page() {
		return partyline == null ? NOT_INVITED : INVITED;
	}

	public void letItAnswer() {
		answer.countDown();
	}

	/** Waits until the servlet has been invited that many times (the invitations reached it; answered or not). */
	public void awaitInvitations(int count) {
		await("invitation " + count + " reaching the servlet").atMost(Participants.PATIENCE)
				.until(() -> invitations.get() >= count);
	}

	public int invitations() {
		return invitations.get();
	}
}
