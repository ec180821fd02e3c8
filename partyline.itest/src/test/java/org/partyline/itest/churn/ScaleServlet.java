package org.partyline.itest.churn;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet of the at-scale test: joins when invited with a handler of {@code scale}, counts its invitations, and
 * answers every other request with whether it holds its Partyline yet, remembering what its first one saw.
 */
public class ScaleServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final AtomicInteger invitations = new AtomicInteger();
	private final CountDownLatch invited = new CountDownLatch(1);
	private final AtomicReference<Boolean> firstRequestInvited = new AtomicReference<>();
	private transient volatile Partyline partyline;

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Partyline offered = (Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE);
		if (offered != null) {
			invitations.incrementAndGet();
			String name = request.getServletPath();
			offered.connect("scale", payload -> name);
			partyline = offered;
			response.getWriter().print("joined");
			invited.countDown();
			return;
		}
		boolean holdsItsPartyline = partyline != null;
		firstRequestInvited.compareAndSet(null, holdsItsPartyline);
		response.getWriter().print(holdsItsPartyline ? "invited" : "not invited");
	}

	/** How many invitation requests reached it. */
	public int invitations() {
		return invitations.get();
	}

	/** Whether its first request other than an invitation found it invited; {@code null} before that request. */
	public Boolean firstRequestFoundItInvited() {
		return firstRequestInvited.get();
	}

	/** Waits until its first invitation has been handled. */
	public boolean awaitInvited(Duration patience) throws InterruptedException {
		return invited.await(patience.toMillis(), TimeUnit.MILLISECONDS);
	}
}
