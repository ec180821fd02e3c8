package org.partyline.itest.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A GET handed straight to a Jakarta servlet object, without any HTTP runtime: for a page that must be seen while no
 * servlet is registered, which serving it on the whiteboard would make untrue. The request answers only its method;
 * the response keeps its status and what was written.
 */
public final class DirectGet {

	private final StringWriter body = new StringWriter();
	private final AtomicInteger status = new AtomicInteger(200);

	public DirectGet(Servlet servlet) throws Exception {
		HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { HttpServletRequest.class },
				(proxy, method, args) -> "getMethod".equals(method.getName()) ? "GET" : defaultOf(method.getReturnType()));
		PrintWriter writer = new PrintWriter(body);
		HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
					switch (method.getName()) {
					case "getWriter":
						return writer;
					case "setStatus":
						status.set((Integer) args[0]);
						return null;
					default:
						return defaultOf(method.getReturnType());
					}
				});
		servlet.service(request, response);
		writer.flush();
	}

	public int status() {
		return status.get();
	}

	public String body() {
		return body.toString();
	}

	/** What a method of the request or response answers when the servlet asks for what this call does not have. */
	private static Object defaultOf(Class<?> type) {
		if (type == boolean.class) {
			return false;
		}
		if (type == int.class) {
			return 0;
		}
		return type == long.class ? -1L : null;
	}
}
