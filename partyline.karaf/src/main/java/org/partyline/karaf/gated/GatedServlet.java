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
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/**
 * A javax whiteboard servlet at {@code /gated/*} whose invitation answers only once the {@link Gate} is opened; it
 * then joins with the handler {@code gated}. Every other request is answered {@code invited} if it had joined by
 * then, {@code not invited} if not: a page served without its Partyline.
 */
// immediate: the instance that keeps the invitation's Partyline must outlive a runtime's release of the servlet
// (README, "Joining from a servlet")
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("gated") // Pax Web names a nameless one after its interface, and deploys one of a name
@HttpWhiteboardServletPattern("/gated/*")
public class GatedServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final transient Gate gate;
	private transient volatile Partyline partyline;

	@Activate
	public GatedServlet(@Reference Gate gate) {
		this.gate = gate;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/plain");
		if (!INVITATION.equals(request.getPathInfo())) {
			response.getWriter().print(partyline == null ? "not invited" : "invited");
		} else if (request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited
				&& passedTheGate()) {
			invited.connect("gated", payload -> "invited");
			partyline = invited;
			response.getWriter().print("joined");
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private boolean passedTheGate() {
		try {
			return gate.pass();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
