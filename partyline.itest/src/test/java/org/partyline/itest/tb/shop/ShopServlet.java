package org.partyline.itest.tb.shop;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.HighAndDry;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Jakarta whiteboard app: answers "url" for its own endpoints, and lets tests ask around as the shop through
 * {@code GET /shop/ask?name=N&payload=P}.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/shop/*",
		"osgi.http.whiteboard.servlet.name=shop" })
public class ShopServlet extends HttpServlet {

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
			case "/attribute" -> response.getWriter().print(
					request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) == null ? "absent" : "present");
			default -> response.sendError(404);
		}
	}

	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		invitations.incrementAndGet();
		invitationHeader = request.getHeader("Partyline-Invitation");
		partyline = (Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE);
		partyline.connect("url", endpoint -> {
			if (!String.valueOf(endpoint).startsWith("shop.")) {
				throw new HighAndDry();
			}
			return "/shop/" + String.valueOf(endpoint).substring("shop.".length());
		});
		partyline.connect("shop.invitations", ignored -> invitations.get());
		partyline.connect("shop.invitationHeader", ignored -> invitationHeader);
		response.getWriter().print("joined");
	}
}
