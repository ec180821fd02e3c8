package org.partyline.itest.tb.blog;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.HighAndDry;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/**
 * A javax whiteboard app: answers "url" for its own endpoints, and lets tests ask around as the blog through
 * {@code GET /blog/ask?name=N&payload=P}.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/blog/*",
		"osgi.http.whiteboard.servlet.name=blog" })
public class BlogServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final AtomicInteger invitations = new AtomicInteger();
	private volatile Partyline partyline;
	private volatile String invitationHeader;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = String.valueOf(request.getPathInfo());
		switch (path) {
			case "/__invite__/" -> join(request, response);
			case "/ask" -> response.getWriter().print(
					partyline.askAround(request.getParameter("name"), request.getParameter("payload")));
			default -> response.sendError(404);
		}
	}

	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		invitations.incrementAndGet();
		invitationHeader = request.getHeader("Partyline-Invitation");
		partyline = (Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE);
		partyline.connect("url", endpoint -> {
			if (!String.valueOf(endpoint).startsWith("blog.")) {
				throw new HighAndDry();
			}
			return "/blog/" + String.valueOf(endpoint).substring("blog.".length());
		});
		partyline.connect("blog.invitations", ignored -> invitations.get());
		partyline.connect("blog.invitationHeader", ignored -> invitationHeader);
		response.getWriter().print("joined");
	}
}
