package org.partyline.demo.shop;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
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
 * The shop: a Jakarta whiteboard servlet. It joins the partyline when invited, answers {@code url} for its own pages
 * and {@code nav} with its entry, and asks the others for links to put on its pages. Its request handling is the
 * blog's in Jakarta types: the two servlet APIs share no type, and each demo bundle reads on its own.
 */
// immediate: the instance that keeps the invitation's Partyline must outlive a runtime's release of the servlet
// (README, "Joining from a servlet")
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/shop/*")
public class ShopServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String NAME = "Shop";
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final transient Map<String, Product> products = Product.catalogue();
	private final transient Guest guest = new Guest(NAME);
	/** The framework's {@value Links#BASE}: whether the links the shop answers name its node. */
	private final transient String nodeBase;

	@Activate
	public ShopServlet(BundleContext context) {
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
			send(response, page(path));
		}
	}

	/** Accepts the invitation: connects the shop's handlers to the partyline it carries, which the shop then asks. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		// "/shop" wherever it is mounted, after the node's base URL if the framework names one
		Links links = Links.of(nodeBase, request.getScheme(), request.getServerName(), request.getServerPort(),
				request.getContextPath() + request.getServletPath());
		boolean joined = guest.join(invited, partyline -> {
			partyline.connect("url", new ShopUrls(links.root(), products.keySet()));
			partyline.connect("nav", payload -> links.nav(NAME));
		});
		if (!joined) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // the partyline stopped meanwhile
			return;
		}
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	/** The page at a path within the shop; none for a path it does not know. */
	private Optional<String> page(String path) {
		if (path.equals("/")) {
			return Optional.of(home());
		}
		String id = path.startsWith("/products/") ? path.substring("/products/".length()) : "";
		return Optional.ofNullable(products.get(id)).map(this::productPage);
	}

	private String home() {
		Html page = guest.page("The kettle shop");
		page.raw("<ul>\n");
		for (Product product : products.values()) {
			page.raw("<li>").raw(Html.link("products/" + product.id(), product.name())).text(" " + product.price());
			guest.url("blog.about:" + product.id())
					.ifPresent(post -> page.raw(" · ").raw(Html.link(post, "read about it")));
			page.raw("</li>\n");
		}
		page.raw("</ul>\n");
		guest.url("blog.home").ifPresent(blog -> page.raw("<p>News and recipes: ").raw(Html.link(blog, "the blog"))
				.raw("</p>\n"));
		return page.toString();
	}

	private String productPage(Product product) {
		Html page = guest.page(product.name());
		page.raw("<p>").text(product.description() + " " + product.price()).raw("</p>\n");
		guest.url("blog.about:" + product.id()).ifPresent(post -> page.raw("<p>").raw(Html.link(post, "On the blog"))
				.raw("</p>\n"));
		return page.raw("<p>").raw(Html.link("../", "All products")).raw("</p>\n").toString();
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
