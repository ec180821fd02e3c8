package org.partyline.demo.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.demo.page.Html;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Questions and answers: the application that is not in the launcher. Drop its jar into {@code deploy/}: it is
 * invited, joins, and its entry appears in the navigation of the shop and the blog; remove it and the entry goes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/faq/*")
public class FaqServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private transient volatile Partyline partyline;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
		if (path.equals(INVITATION)) {
			join(request, response);
		} else if (request.getPathInfo() == null) {
			response.sendRedirect(request.getRequestURI() + "/");
		} else if (path.equals("/")) {
			response.setContentType("text/html;charset=utf-8");
			response.getWriter().write(home());
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	/** Accepts the invitation: keeps the partyline it carries and connects the FAQ's handlers. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String home = request.getContextPath() + request.getServletPath() + "/";
		Handler url = payload -> {
			if ("faq.home".equals(payload)) {
				return home;
			}
			throw new HighAndDry();
		};
		try {
			invited.connect("url", url);
			invited.connect("nav", payload -> Map.entry("FAQ", home));
		} catch (IllegalStateException stoppedMeanwhile) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // it invites again when it is back
			return;
		}
		partyline = invited; // the handlers go when this servlet does, or when the partyline stops
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	private String home() {
		List<Map.Entry<?, ?>> links = new ArrayList<>();
		for (Object answer : ask(party -> party.askAround("nav", null), List.of())) {
			if (answer instanceof Map.Entry<?, ?> link) {
				links.add(link);
			}
		}
		Html page = new Html("Questions", "FAQ", links, List.of());
		page.raw("<h2>How hot should the water be for green tea?</h2>\n<p>About 80 °C.");
		url("blog.post:green-tea").ifPresent(post -> page.raw(" ").raw(Html.link(post, "The blog explains why.")));
		page.raw("</p>\n<h2>Which kettle do you recommend?</h2>\n<p>");
		url("shop.product:kettle").ifPresent(kettle -> page.raw(Html.link(kettle, "Ours")).raw(", of course."));
		return page.raw("</p>\n").toString();
	}

	private Optional<String> url(String endpoint) {
		return ask(party -> party.askFirst("url", endpoint, String.class), Optional.empty());
	}

	/** Asks the partyline; {@code alone} while the FAQ is not on it. */
	private <T> T ask(Function<Partyline, T> question, T alone) {
		Partyline current = partyline;
		try {
			return current == null ? alone : question.apply(current);
		} catch (NoSuchServiceName | IllegalStateException nobodyOrStopped) {
			return alone; // nobody answers that name, or the partyline stopped: invited again when it is back
		}
	}
}
