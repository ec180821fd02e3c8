package org.partyline.itest.tb.custom;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Joins from within the custom context: its invite route is /custom/app/__invite__/. */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.pattern=/app/*",
		"osgi.http.whiteboard.servlet.name=custom-app",
		"osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=customctx)" })
public class CustomServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"/__invite__/".equals(request.getPathInfo())) {
			response.sendError(404);
			return;
		}
		Partyline partyline = (Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE);
		String contextPath = request.getContextPath();
		partyline.connect("custom.contextPath", ignored -> contextPath);
		response.getWriter().print("joined");
	}
}
