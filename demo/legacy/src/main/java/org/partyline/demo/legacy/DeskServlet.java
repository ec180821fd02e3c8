package org.partyline.demo.legacy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.partyline.api.HighAndDry;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;

/**
 * The support desk of a legacy WAR: declared in {@code web.xml}, it knows nothing of OSGi. It joins the partyline the
 * way the seed's applications did: the invitation, a request to its {@code __invite__} route, carries the
 * {@code Partyline} in the request attribute {@code partyline}; it keeps it, connects its {@code url} and {@code nav}
 * handlers, and asks the other applications for their links with it from then on.
 */
public class DeskServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String NAME = "Support desk";
	/** The seed's route and request attribute; {@code PartylineConstants} names both, spelt out here as a WAR would. */
	private static final String INVITATION = "/__invite__/";
	private static final String PARTYLINE = "partyline";
	private static final String ON_THE_PARTYLINE = "Support desk, on the partyline";
	private static final String ON_ITS_OWN = "Support desk, on its own";

	private final transient List<Ticket> tickets = Ticket.all();
	private transient volatile Partyline partyline;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo();
		if (INVITATION.equals(path)) {
			join(request, response);
		} else if (path == null) {
			response.sendRedirect(request.getRequestURI() + "/"); // so that relative links work
		} else if (path.equals("/")) {
			send(response, home());
		} else {
			Optional<Ticket> ticket = tickets.stream().filter(t -> path.equals("/tickets/" + t.id())).findFirst();
			if (ticket.isPresent()) {
				send(response, ticketPage(ticket.get()));
			} else {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
			}
		}
	}

	/** Accepts the invitation: the desk answers {@code url} for its tickets and {@code nav} with its entry. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PARTYLINE) instanceof Partyline invited)) {
			// only a request the partyline let through carries one: anything else is no invitation
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "not an invitation");
			return;
		}
		String base = request.getContextPath() + request.getServletPath(); // "/legacy/desk", wherever it is deployed
		try {
			invited.connect("url", payload -> {
				if ("desk.home".equals(payload)) {
					return base + "/";
				}
				String id = String.valueOf(payload).startsWith("desk.ticket:")
						? String.valueOf(payload).substring("desk.ticket:".length()) : "";
				if (tickets.stream().noneMatch(ticket -> ticket.id().equals(id))) {
					throw HighAndDry.decline(); // not one of ours
				}
				return base + "/tickets/" + id;
			});
			// a plain map, as the whiteboard applications answer, so that the answer also crosses to other nodes
			invited.connect("nav", payload -> Map.of("name", NAME, "href", base + "/"));
		} catch (IllegalStateException stoppedMeanwhile) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		partyline = invited;
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	private Page home() {
		Page page = page("Support desk");
		page.raw("<ul>\n");
		for (Ticket ticket : tickets) {
			page.raw("<li>").link("tickets/" + ticket.id(), ticket.title()).raw("</li>\n");
		}
		return page.raw("</ul>\n");
	}

	private Page ticketPage(Ticket ticket) {
		Page page = page(ticket.title());
		page.raw("<p>").text(ticket.text()).raw("</p>\n");
		url("shop.product:" + ticket.product()).ifPresent(href -> page.raw("<p>About ").link(href, ticket.product())
				.raw(" in the shop</p>\n"));
		return page.raw("<p>").link("../", "All tickets").raw("</p>\n");
	}

	/** A page with every other application's {@code nav} entry and every bundle's {@code notice}. */
	private Page page(String title) {
		Page page = new Page(title);
		List<String> links = new ArrayList<>();
		for (Object answer : ask("nav")) {
			if (answer instanceof Map<?, ?> link && link.get("name") != null && link.get("href") != null) {
				links.add(Page.anchor(String.valueOf(link.get("href")), String.valueOf(link.get("name"))));
			}
		}
		page.raw("<nav>").raw(String.join(" | ", links)).raw("</nav>\n");
		for (Object notice : ask("notice")) {
			page.raw("<p class=\"notice\">").text(String.valueOf(notice)).raw("</p>\n");
		}
		return page.raw("<h1>").text(title).raw("</h1>\n");
	}

	private List<Object> ask(String name) {
		Partyline current = partyline;
		try {
			return current == null ? List.of() : current.askAround(name, null);
		} catch (NoSuchServiceName | IllegalStateException nobodyOrStopped) {
			return List.of(); // nobody answers that, or the partyline stopped: it invites the desk again when back
		}
	}

	private Optional<String> url(String endpoint) {
		Partyline current = partyline;
		try {
			return current == null ? Optional.empty() : current.askFirst("url", endpoint, String.class);
		} catch (NoSuchServiceName | IllegalStateException nobodyOrStopped) {
			return Optional.empty();
		}
	}

	/** Every page ends saying whether the desk is on the partyline: until its invitation it stands alone. */
	private void send(HttpServletResponse response, Page page) throws IOException {
		page.raw("<footer>").text(partyline == null ? ON_ITS_OWN : ON_THE_PARTYLINE).raw("</footer>\n");
		response.setContentType("text/html;charset=utf-8");
		response.getWriter().write(page.toString());
	}
}
