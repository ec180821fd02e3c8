package org.partyline.karaf.probe;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.HighAndDry;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/**
 * The Karaf test's own participant, a javax whiteboard servlet at {@code /probe/*}: it joins when invited and answers
 * {@code url} for {@code probe.home}; it tells how many requests ever reached its invite route
 * ({@code /probe/invitations}), whether it was invited ({@code /probe/joined}: {@code invited}, or 503
 * {@code not invited}) and asks around as itself ({@code /probe/ask?name=N&payload=P}).
 */
// immediate: the instance that keeps the invitation's Partyline must outlive a runtime's release of the servlet
// (README, "Joining from a servlet")
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("probe") // Pax Web names a nameless one after its interface, and deploys one of a name
@HttpWhiteboardServletPattern("/probe/*")
public class ProbeServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final AtomicInteger reachedItsInviteRoute = new AtomicInteger();
	private transient volatile Partyline partyline;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = String.valueOf(request.getPathInfo());
		response.setContentType("text/plain");
		if (path.equals(INVITATION)) {
			reachedItsInviteRoute.incrementAndGet();
			join(request, response);
		} else if (path.equals("/invitations")) {
			response.getWriter().print(reachedItsInviteRoute.get());
		} else if (path.equals("/joined") && partyline != null) {
			response.getWriter().print("invited");
		} else if (path.equals("/joined")) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not invited");
		} else if (path.equals("/ask") && partyline != null) {
			response.getWriter().print(partyline.askAround(request.getParameter("name"), request.getParameter("payload")));
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String home = request.getContextPath() + request.getServletPath() + "/";
		invited.connect("url", payload -> {
			if (!"probe.home".equals(payload)) {
				throw HighAndDry.decline();
			}
			return home;
		});
		partyline = invited;
		response.getWriter().print("joined");
	}
}
