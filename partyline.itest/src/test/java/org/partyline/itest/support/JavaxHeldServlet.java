package org.partyline.itest.support;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/** A javax servlet doing what its {@link HeldInvitation} says. */
public final class JavaxHeldServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient HeldInvitation invitation;

	public JavaxHeldServlet(HeldInvitation invitation) {
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
