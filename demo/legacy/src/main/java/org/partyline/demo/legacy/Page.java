package org.partyline.demo.legacy;

/** An HTML page built in order; everything that is not markup of our own is escaped. */
final class Page {

	private final StringBuilder html = new StringBuilder();

	Page(String title) {
		html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
		text(title);
		html.append("</title></head><body>\n");
	}

	Page raw(String markup) {
		html.append(markup);
		return this;
	}

	Page text(String text) {
		html.append(escape(text));
		return this;
	}

	Page link(String href, String text) {
		html.append(anchor(href, text));
		return this;
	}

	static String anchor(String href, String text) {
		return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
			case '<' -> escaped.append("&lt;");
			case '>' -> escaped.append("&gt;");
			case '&' -> escaped.append("&amp;");
			case '"' -> escaped.append("&quot;");
			case '\'' -> escaped.append("&#39;");
			default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	@Override
	public String toString() {
		return html + "</body></html>\n";
	}
}
