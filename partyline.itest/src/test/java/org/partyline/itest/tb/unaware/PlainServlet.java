package org.partyline.itest.tb.unaware;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** An ordinary servlet: a page at /plain/, 404 for anything else. */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/plain/*",
		"osgi.http.whiteboard.servlet.name=plain" })
public class PlainServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if ("/".equals(request.getPathInfo())) {
			response.getWriter().print("plain");
		} else {
			response.sendError(404);
		}
	}
}
