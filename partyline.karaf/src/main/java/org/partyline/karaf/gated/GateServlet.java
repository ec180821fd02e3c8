package org.partyline.karaf.gated;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.Invitations;

/**
 * The gated servlet's sibling at {@code /gate/*}, opted out of invitations, so its requests are never held: it tells
 * how many invitations reached the gated servlet ({@code /gate/arrived}) and opens the {@link Gate}, answering how
 * many were waiting at it ({@code /gate/open}).
 */
@Component(service = Servlet.class, property = Invitations.INVITE_PROPERTY + "=false")
@HttpWhiteboardServletName("gate")
@HttpWhiteboardServletPattern("/gate/*")
public class GateServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient Gate gate;

	@Activate
	public GateServlet(@Reference Gate gate) {
		this.gate = gate;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/plain");
		String path = String.valueOf(request.getPathInfo());
		if (path.equals("/arrived")) {
			response.getWriter().print(gate.arrived());
		} else if (path.equals("/open")) {
			response.getWriter().print(gate.open());
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}
}
