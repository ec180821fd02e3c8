package org.partyline.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The {@link ConsolePage} in Karaf 4.4's Web Console (javax). A plain servlet service with no whiteboard pattern: the
 * console finds it by its label, and the partyline never invites it. {@link ConsolePlugins} registers it.
 */
final class JavaxConsolePlugin extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient ConsolePage page;

	private JavaxConsolePlugin(ConsolePage page) {
		this.page = page;
	}

	/** Loaded only here, where the bundle is wired to this servlet API. */
	static ServiceRegistration<Servlet> register(BundleContext context, ConsolePage page) {
		return context.registerService(Servlet.class, new JavaxConsolePlugin(page), ConsolePlugins.properties());
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

	/** Twice on purpose: the Jakarta plugin has its own, as no shared code may name a servlet type. */
	private static void send(ConsoleResponse answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		response.setContentType(answer.contentType());
		response.getWriter().write(answer.body());
	}
}
