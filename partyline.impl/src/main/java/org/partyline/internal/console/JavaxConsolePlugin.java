package org.partyline.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ConsolePage} in Karaf 4.4's Web Console (javax). A plain servlet service with no whiteboard pattern: the
 * console finds it by its label, and the partyline never invites it.
 */
@Component(service = Servlet.class, property = { "felix.webconsole.label=partyline",
		"felix.webconsole.title=Partyline", "felix.webconsole.category=Main" })
public final class JavaxConsolePlugin extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient ConsolePage page;

	@Activate
	public JavaxConsolePlugin(@Reference ConsolePage page) {
		this.page = page;
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
