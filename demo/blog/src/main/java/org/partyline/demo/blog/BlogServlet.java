package org.partyline.demo.blog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.demo.page.Guest;
import org.partyline.demo.page.Html;
import org.partyline.demo.page.Links;

/**
 * The blog: a javax whiteboard servlet ({@code org.osgi.service.http.whiteboard}). It joins the partyline when
 * invited, answers {@code url} for its own pages and {@code nav} with its entry, and links every featured product
 * to the shop through the partyline. Its request handling is the shop's in javax types: the two servlet APIs share
 * no type, and each demo bundle reads on its own.
 */
// immediate: the instance that keeps the invitation's Partyline must outlive a runtime's release of the servlet
// (README, "Joining from a servlet")
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("blog") // Pax Web names a nameless one after its interface, and deploys one of a name
@HttpWhiteboardServletPattern("/blog/*")
public class BlogServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String NAME = "Blog";
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final transient Map<String, Post> posts = Post.all();
	private final transient Guest guest = new Guest(NAME);
	/** The framework's {@value Links#BASE}: whether the links the blog answers name its node. */
	private final transient String nodeBase;

	@Activate
	public BlogServlet(BundleContext context) {
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

	/** Accepts the invitation: connects the blog's handlers to the partyline it carries, which the blog then asks. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		// "/blog" wherever it is mounted, after the node's base URL if the framework names one
		Links links = Links.of(nodeBase, request.getScheme(), request.getServerName(), request.getServerPort(),
				request.getContextPath() + request.getServletPath());
		boolean joined = guest.join(invited, partyline -> {
			partyline.connect("url", new BlogUrls(links.root(), posts));
			partyline.connect("nav", payload -> links.nav(NAME));
		});
		if (!joined) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // the partyline stopped meanwhile
			return;
		}
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	/** The page at a path within the blog; none for a path it does not know. */
	private Optional<String> page(String path) {
		if (path.equals("/")) {
			return Optional.of(home());
		}
		String slug = path.startsWith("/posts/") ? path.substring("/posts/".length()) : "";
		return Optional.ofNullable(posts.get(slug)).map(this::postPage);
	}

	private String home() {
		Html page = guest.page("The tea blog");
		for (Post post : posts.values()) {
			page.raw("<h2>").raw(Html.link("posts/" + post.slug(), post.title())).raw("</h2>\n");
			featured(page, post);
		}
		guest.url("shop.home").ifPresent(shop -> page.raw("<p>Everything we write about is in ")
				.raw(Html.link(shop, "the shop")).raw("</p>\n"));
		return page.toString();
	}

	private String postPage(Post post) {
		Html page = guest.page(post.title());
		page.raw("<p>").text(post.text()).raw("</p>\n");
		featured(page, post);
		return page.raw("<p>").raw(Html.link("../", "All posts")).raw("</p>\n").toString();
	}

	/** Links to the shop's product pages, built by whoever answers {@code url} for them. */
	private void featured(Html page, Post post) {
		List<String> links = new ArrayList<>();
		for (String product : post.products()) {
			guest.url("shop.product:" + product).ifPresent(href -> links.add(Html.link(href, product)));
		}
		if (!links.isEmpty()) {
			page.raw("<p>In the shop: ").raw(String.join(", ", links)).raw("</p>\n");
		}
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
