package org.partyline.internal.invite;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the deployed servlets out of the runtime DTOs of either whiteboard: Jakarta
 * ({@code org.osgi.service.servlet.runtime}) and javax ({@code org.osgi.service.http.runtime}). The two DTO families
 * have the same shape in different packages, hence two small readers.
 */
final class RuntimeServlets {

	private RuntimeServlets() {
	}

	static List<DeployedServlet> of(Object runtime, URI endpoint) {
		if (runtime instanceof org.osgi.service.servlet.runtime.HttpServiceRuntime) {
			return ofJakarta(((org.osgi.service.servlet.runtime.HttpServiceRuntime) runtime).getRuntimeDTO(), endpoint);
		}
		if (runtime instanceof org.osgi.service.http.runtime.HttpServiceRuntime) {
			return ofJavax(((org.osgi.service.http.runtime.HttpServiceRuntime) runtime).getRuntimeDTO(), endpoint);
		}
		return List.of();
	}

	private static List<DeployedServlet> ofJakarta(org.osgi.service.servlet.runtime.dto.RuntimeDTO dto, URI endpoint) {
		List<DeployedServlet> servlets = new ArrayList<>();
		for (var context : dto.servletContextDTOs) {
			for (var servlet : context.servletDTOs) {
				servlets.add(new DeployedServlet(servlet.serviceId, servlet.name, patterns(servlet.patterns),
						context.name, contextPath(context.contextPath), endpoint));
			}
		}
		return servlets;
	}

	private static List<DeployedServlet> ofJavax(org.osgi.service.http.runtime.dto.RuntimeDTO dto, URI endpoint) {
		List<DeployedServlet> servlets = new ArrayList<>();
		for (var context : dto.servletContextDTOs) {
			for (var servlet : context.servletDTOs) {
				servlets.add(new DeployedServlet(servlet.serviceId, servlet.name, patterns(servlet.patterns),
						context.name, contextPath(context.contextPath), endpoint));
			}
		}
		return servlets;
	}

	private static List<String> patterns(String[] patterns) {
		return patterns == null ? List.of() : Arrays.asList(patterns);
	}

	/** The root context is reported as "/" or ""; routes are appended to it, so it must not end in a slash. */
	private static String contextPath(String contextPath) {
		if (contextPath == null || contextPath.equals("/")) {
			return "";
		}
		return contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
	}
}
