package org.partyline.demo.faq;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.demo.page.Guest;
import org.partyline.demo.page.Html;
import org.partyline.demo.page.Links;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Questions and answers: the application that is not in the launcher. Drop its jar into {@code deploy/}: it is
 * invited, joins, and its entry appears in the navigation of the shop and the blog; remove it and the entry goes.
 * Its request handling is the shop's, kept here so that the bundle reads, and can be copied, on its own.
 */
// immediate: the instance that keeps the invitation's Partyline must outlive a runtime's release of the servlet
// (README, "Joining from a servlet")
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/faq/*")
public class FaqServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String NAME = "FAQ";
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final transient Guest guest = new Guest(NAME);
	/** The framework's {@value Links#BASE}: whether the links the FAQ answers name its node. */
	private final transient String nodeBase;

	@Activate
	public FaqServlet(BundleContext context) {
		this.nodeBase = context.getProperty(Links.BASE);
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo();
		if (INVITATION.equals(path)) {
			join(request, response);
		} else if (path == null) {
			response.sendRedirect(request.getRequestURI() + "/"); // so that relative links work
		} else {
			send(response, path.equals("/") ? Optional.of(home()) : Optional.empty());
		}
	}

	/** Accepts the invitation: connects the FAQ's handlers to the partyline it carries, which the FAQ then asks. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		// "/faq/" wherever it is mounted, after the node's base URL if the framework names one
		Links links = Links.of(nodeBase, request.getScheme(), request.getServerName(), request.getServerPort(),
				request.getContextPath() + request.getServletPath());
		String home = links.href("/");
		Handler url = payload -> {
			if ("faq.home".equals(payload)) {
				return home;
			}
			throw new HighAndDry();
		};
		boolean joined = guest.join(invited, partyline -> {
			partyline.connect("url", url);
			partyline.connect("nav", payload -> links.nav(NAME));
		});
		if (!joined) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // the partyline stopped meanwhile
			return;
		}
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	private String home() {
		// no notices: they are for the shop and the blog
		Html page = new Html("Questions", NAME, guest.navigation(), List.of());
		page.raw("<h2>How hot should the water be for green tea?</h2>\n<p>About 80 °C.");
		guest.url("blog.post:green-tea")
				.ifPresent(post -> page.raw(" ").raw(Html.link(post, "The blog explains why.")));
		page.raw("</p>\n<h2>Which kettle do you recommend?</h2>\n<p>");
		guest.url("shop.product:kettle").ifPresent(kettle -> page.raw(Html.link(kettle, "Ours")).raw(", of course."));
		return page.raw("</p>\n").toString();
	}

	private static void send(HttpServletResponse response, Optional<String> html) throws IOException {
		if (html.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.setContentType("text/html;charset=utf-8");
		response.getWriter().write(html.get());
	}
}
