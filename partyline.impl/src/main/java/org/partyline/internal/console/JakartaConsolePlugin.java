package org.partyline.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@link ConsolePage} in Felix Web Console 5 (Jakarta). A plain servlet service with no whiteboard pattern: the
 * console finds it by its label, and the partyline never invites it. {@link ConsolePlugins} registers it.
 */
final class JakartaConsolePlugin extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient ConsolePage page;

	private JakartaConsolePlugin(ConsolePage page) {
		this.page = page;
	}

	/** Loaded only here, where the bundle is wired to this servlet API. */
	static ServiceRegistration<Servlet> register(BundleContext context, ConsolePage page) {
		return context.registerService(Servlet.class, new JakartaConsolePlugin(page), ConsolePlugins.properties());
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		send(page.show(), response);
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getCharacterEncoding() == null) {
			request.setCharacterEncoding(StandardCharsets.UTF_8.name()); // the console's pages are UTF-8
		}
		send(page.ask(request.getParameter("token"), request.getParameter("serviceName"),
				request.getParameter("payload")), response);
	}

	/** Twice on purpose: the javax plugin has its own, as no shared code may name a servlet type. */
	private static void send(ConsoleResponse answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		response.setContentType(answer.contentType());
		response.getWriter().write(answer.body());
	}
}
