package org.partyline.bench;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as a whiteboard runtime hands it to a filter, already mapped to a servlet, with no attributes. What the
 * admission filter reads of a request (two attributes, the context path, servlet path and path info) comes from
 * fields, without allocating; anything else reaches an {@link Untouchable} and throws.
 */
final class MappedRequest extends HttpServletRequestWrapper {

	private final String contextPath;
	private final String servletPath;
	private final String pathInfo;

	MappedRequest(String contextPath, String servletPath, String pathInfo) {
		super(Untouchable.of(HttpServletRequest.class));
		this.contextPath = contextPath;
		this.servletPath = servletPath;
		this.pathInfo = pathInfo;
	}

	@Override
	public Object getAttribute(String name) {
		return null;
	}

	@Override
	public String getContextPath() {
		return contextPath;
	}

	@Override
	public String getServletPath() {
		return servletPath;
	}

	@Override
	public String getPathInfo() {
		return pathInfo;
	}
}
