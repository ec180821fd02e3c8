package org.partyline.demo.page;

import java.util.List;
import java.util.Map;

/**
 * The page skeleton and escaping the demo applications share: every text and link that reaches a page goes through
 * {@link #escape}. Presentation only; what the applications ask each other for is in {@link Guest}.
 */
public final class Html {

	private final StringBuilder out = new StringBuilder(2048);

	/** Starts a page with the navigation bar and the notices other bundles contribute. */
	public Html(String title, String self, List<Map.Entry<?, ?>> links, List<String> notices) {
		out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
				.append("</title></head>\n<body style=\"font-family: sans-serif; max-width: 40em; margin: 2em auto\">\n<nav><b>")
				.append(escape(self)).append("</b>");
		for (Map.Entry<?, ?> link : links) {
			out.append(" · ").append(link(String.valueOf(link.getValue()), String.valueOf(link.getKey())));
		}
		out.append("</nav>\n");
		for (String notice : notices) {
			out.append("<p style=\"background: #ffd\">").append(escape(notice)).append("</p>\n");
		}
		out.append("<h1>").append(escape(title)).append("</h1>\n");
	}

	public Html raw(String html) {
		out.append(html);
		return this;
	}

	public Html text(String text) {
		out.append(escape(text));
		return this;
	}

	public static String link(String href, String text) {
		return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
	}

	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	@Override
	public String toString() {
		return out + "</body></html>\n";
	}
}
