package org.partyline.demo.blog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.demo.page.Html;

/**
 * The blog: a javax whiteboard servlet ({@code org.osgi.service.http.whiteboard}). It joins the partyline when
 * invited, answers {@code url} for its own pages and {@code nav} with its entry, and links every featured product
 * to the shop through the partyline.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/blog/*")
public class BlogServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final transient Map<String, Post> posts = Post.all();
	private transient volatile Partyline partyline;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
		Post post = path.startsWith("/posts/") ? posts.get(path.substring("/posts/".length())) : null;
		if (path.equals(INVITATION)) {
			join(request, response);
		} else if (request.getPathInfo() == null) {
			response.sendRedirect(request.getRequestURI() + "/"); // so that relative links work
		} else if (path.equals("/")) {
			send(response, home());
		} else if (post != null) {
			send(response, postPage(post));
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	/** Accepts the invitation: keeps the partyline it carries and connects the blog's handlers. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String base = request.getContextPath() + request.getServletPath(); // "/blog", wherever it is mounted
		try {
			invited.connect("url", new BlogUrls(base, posts));
			invited.connect("nav", payload -> Map.entry("Blog", base + "/"));
		} catch (IllegalStateException stoppedMeanwhile) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // it invites again when it is back
			return;
		}
		partyline = invited; // the handlers go when this servlet does, or when the partyline stops
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	private String home() {
		Html page = page("The tea blog");
		for (Post post : posts.values()) {
			page.raw("<h2>").raw(Html.link("posts/" + post.slug(), post.title())).raw("</h2>\n");
			featured(page, post);
		}
		url("shop.home").ifPresent(shop -> page.raw("<p>Everything we write about is in ").raw(Html.link(shop, "the shop"))
				.raw("</p>\n"));
		return page.toString();
	}

	private String postPage(Post post) {
		Html page = page(post.title());
		page.raw("<p>").text(post.text()).raw("</p>\n");
		featured(page, post);
		return page.raw("<p>").raw(Html.link("../", "All posts")).raw("</p>\n").toString();
	}

	/** Links to the shop's product pages, built by whoever answers {@code url} for them. */
	private void featured(Html page, Post post) {
		List<String> links = new ArrayList<>();
		for (String product : post.products()) {
			url("shop.product:" + product).ifPresent(href -> links.add(Html.link(href, product)));
		}
		if (!links.isEmpty()) {
			page.raw("<p>In the shop: ").raw(String.join(", ", links)).raw("</p>\n");
		}
	}

	private Html page(String title) {
		List<Map.Entry<?, ?>> links = new ArrayList<>();
		for (Object answer : ask(party -> party.askAround("nav", null), List.of())) {
			if (answer instanceof Map.Entry<?, ?> link) {
				links.add(link);
			}
		}
		return new Html(title, "Blog", links, ask(party -> party.askAround("notice", null, String.class), List.of()));
	}

	/** The first answer of the other applications for an endpoint: {@code url_for} across applications. */
	private Optional<String> url(String endpoint) {
		return ask(party -> party.askFirst("url", endpoint, String.class), Optional.empty());
	}

	/** Asks the partyline; {@code alone} while the blog is not on it. */
	private <T> T ask(Function<Partyline, T> question, T alone) {
		Partyline current = partyline;
		try {
			return current == null ? alone : question.apply(current);
		} catch (NoSuchServiceName | IllegalStateException nobodyOrStopped) {
			return alone; // nobody answers that name, or the partyline stopped: invited again when it is back
		}
	}

	private static void send(HttpServletResponse response, String html) throws IOException {
		response.setContentType("text/html;charset=utf-8");
		response.getWriter().write(html);
	}
}
