package org.partyline.demo.shop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.demo.page.Html;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The shop: a Jakarta whiteboard servlet. It joins the partyline when invited, answers {@code url} for its own pages
 * and {@code nav} with its entry, and asks the others for links to put on its pages.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/shop/*")
public class ShopServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final String INVITATION = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private final transient Map<String, Product> products = Product.catalogue();
	private transient volatile Partyline partyline;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
		Product product = path.startsWith("/products/") ? products.get(path.substring("/products/".length())) : null;
		if (path.equals(INVITATION)) {
			join(request, response);
		} else if (request.getPathInfo() == null) {
			response.sendRedirect(request.getRequestURI() + "/"); // so that relative links work
		} else if (path.equals("/")) {
			send(response, home());
		} else if (product != null) {
			send(response, productPage(product));
		} else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	/** Accepts the invitation: keeps the partyline it carries and connects the shop's handlers. */
	private void join(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE) instanceof Partyline invited)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String base = request.getContextPath() + request.getServletPath(); // "/shop", wherever it is mounted
		try {
			invited.connect("url", new ShopUrls(base, products.keySet()));
			invited.connect("nav", payload -> Map.entry("Shop", base + "/"));
		} catch (IllegalStateException stoppedMeanwhile) {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // it invites again when it is back
			return;
		}
		partyline = invited; // the handlers go when this servlet does, or when the partyline stops
		response.setContentType("text/plain");
		response.getWriter().println("joined");
	}

	private String home() {
		Html page = page("The kettle shop");
		page.raw("<ul>\n");
		for (Product product : products.values()) {
			page.raw("<li>").raw(Html.link("products/" + product.id(), product.name())).text(" " + product.price());
			url("blog.about:" + product.id()).ifPresent(post -> page.raw(" · ").raw(Html.link(post, "read about it")));
			page.raw("</li>\n");
		}
		page.raw("</ul>\n");
		url("blog.home").ifPresent(blog -> page.raw("<p>News and recipes: ").raw(Html.link(blog, "the blog")).raw("</p>\n"));
		return page.toString();
	}

	private String productPage(Product product) {
		Html page = page(product.name());
		page.raw("<p>").text(product.description() + " " + product.price()).raw("</p>\n");
		url("blog.about:" + product.id()).ifPresent(post -> page.raw("<p>").raw(Html.link(post, "On the blog")).raw("</p>\n"));
		return page.raw("<p>").raw(Html.link("../", "All products")).raw("</p>\n").toString();
	}

	private Html page(String title) {
		List<Map.Entry<?, ?>> links = new ArrayList<>();
		for (Object answer : ask(party -> party.askAround("nav", null), List.of())) {
			if (answer instanceof Map.Entry<?, ?> link) {
				links.add(link);
			}
		}
		return new Html(title, "Shop", links, ask(party -> party.askAround("notice", null, String.class), List.of()));
	}

	/** The first answer of the other applications for an endpoint: {@code url_for} across applications. */
	private Optional<String> url(String endpoint) {
		return ask(party -> party.askFirst("url", endpoint, String.class), Optional.empty());
	}

	/** Asks the partyline; {@code alone} while the shop is not on it. */
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
