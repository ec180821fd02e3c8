package org.partyline.karaf.featured;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/**
 * A javax whiteboard servlet at {@code /featured/*} that joins when invited (handler {@code featured}) and answers
 * every other request {@code invited} if it had joined by then, or 503 {@code not invited}: a page served without its
 * Partyline.
 */
// immediate: the instance that keeps the invitation's Partyline must outlive a runtime's release of the servlet
// (README, "Joining from a servlet")
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("featured") // Pax Web names a nameless one after its interface, and deploys one of a name
@HttpWhiteboardServletPattern("/featured/*")
public class FeaturedServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private transient volatile Partyline partyline;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/plain");
		if (!INVITATION.equals(request.getPathInfo())) {
			if (partyline == null) {
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not invited");
			} else {
				response.getWriter().print("invited");
			}
		} else if (request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited) {
			invited.connect("featured", payload -> "invited");
			partyline = invited;
			response.getWriter().print("joined");
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}
}
