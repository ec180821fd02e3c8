package org.partyline.internal.invite;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FilterDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

/** Reads the deployed servlets out of a javax HTTP Whiteboard runtime's DTO. */
final class JavaxRuntimeServlets {

	private JavaxRuntimeServlets() {
	}

	// Twice on purpose: the Jakarta reader walks the same fields of DTO types of its own, which no shared code names.
	static List<DeployedServlet> of(Object runtime, URI endpoint) {
		RuntimeDTO dto = ((HttpServiceRuntime) runtime).getRuntimeDTO();
		List<DeployedServlet> servlets = new ArrayList<>();
		for (ServletContextDTO context : dto.servletContextDTOs) {
			if (!guarded(context)) {
				continue; // an invitation would reach the servlet unguarded: sent once the guard's deployment is seen
			}
			for (ServletDTO servlet : context.servletDTOs) {
				servlets.add(DeployedServlet.of(servlet.serviceId, servlet.name, servlet.patterns, context.name,
						context.contextPath, endpoint));
			}
		}
		return servlets;
	}

	private static boolean guarded(ServletContextDTO context) {
		for (FilterDTO filter : context.filterDTOs) {
			if (InviteGuard.isGuard(filter.name)) {
				return true;
			}
		}
		return false;
	}
}
