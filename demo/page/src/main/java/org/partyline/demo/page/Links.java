package org.partyline.demo.page;

import java.util.Map;

/**
 * Where an application is reached, for the links it answers other applications: its path as its invitation came
 * ({@code /shop}), after the base URL of its node when its framework names one (property {@value #BASE}), so that a
 * page on another node can use them as they are. Without it, links are paths on the application's own host.
 *
 * @param root the application's root, {@code /shop} or {@code http://127.0.0.1:8081/shop}
 */
public record Links(String root) {

	/** The framework property with this node's base URL, {@code http://host:port}, or {@value #FROM_INVITATION}. */
	public static final String BASE = "partyline.demo.base";
	/** The base URL is the scheme, host and port the application's invitation reached it at. */
	public static final String FROM_INVITATION = "invitation";
	/** The keys of a {@code nav} answer: plain values, so it crosses to other nodes. */
	public static final String NAME = "name";
	public static final String HREF = "href";

	/**
	 * @param configured the framework's {@value #BASE}, or {@code null}
	 * @param scheme the invitation's scheme, host and port: where the node's HTTP runtime was reached
	 * @param path the application's context and servlet path, {@code /shop}
	 */
	public static Links of(String configured, String scheme, String host, int port, String path) {
		return of(configured, scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port, path);
	}

	static Links of(String configured, String invitedAt, String path) {
		String base = configured == null ? "" : configured.trim();
		if (base.equals(FROM_INVITATION)) {
			base = invitedAt;
		}
		return new Links((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
	}

	/** A link into the application: {@code href("/products/kettle")}. */
	public String href(String rest) {
		return root + rest;
	}

	/** The application's answer to {@code nav}: its name and home. */
	public Map<String, Object> nav(String name) {
		return Map.of(NAME, name, HREF, root + "/");
	}
}
