package org.partyline.itest.churn;

import java.io.IOException;

import org.osgi.service.component.ComponentContext;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Joins when invited with a handler answering the symbolic name of the bundle that declared it. */
public class ChurnServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private volatile String owner;

	protected void activate(ComponentContext context) {
		owner = context.getBundleContext().getBundle().getSymbolicName();
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Partyline partyline = (Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE);
		if (partyline == null) {
			response.sendError(404);
			return;
		}
		String name = owner;
		partyline.connect("churn", payload -> name);
		response.getWriter().print("joined");
	}
}
