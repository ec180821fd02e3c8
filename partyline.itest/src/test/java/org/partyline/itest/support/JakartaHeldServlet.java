package org.partyline.itest.support;

import java.io.IOException;

import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A Jakarta servlet doing what its {@link HeldInvitation} says. */
public final class JakartaHeldServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient HeldInvitation invitation;

	public JakartaHeldServlet(HeldInvitation invitation) {
		this.invitation = invitation;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!request.getRequestURI().contains("/__invite__")) {
			response.getWriter().print(invitation.page());
			return;
		}
		try {
			response.getWriter()
					.print(invitation.invited((Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE)));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			response.sendError(503);
		}
	}
}
