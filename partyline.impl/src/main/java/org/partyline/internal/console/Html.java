package org.partyline.internal.console;

/** Writing HTML in which every value a bundle, a payload or a user controls is escaped. */
final class Html {

	private final StringBuilder out = new StringBuilder(4096);

	/** Appends markup written here, never foreign text. */
	Html markup(String markup) {
		out.append(markup);
		return this;
	}

	/** Appends a foreign value, escaped. */
	Html text(Object value) {
		out.append(escape(String.valueOf(value)));
		return this;
	}

	/** {@code <tr class="...">} with one escaped {@code <td>} per cell. */
	Html row(String cssClass, Object... cells) {
		out.append("<tr class=\"").append(cssClass).append("\">");
		for (Object cell : cells) {
			out.append("<td>").append(escape(String.valueOf(cell))).append("</td>");
		}
		out.append("</tr>\n");
		return this;
	}

	/** {@code <table id="..."><thead>} with those header cells, then {@code <tbody>}: close with {@link #endTable}. */
	Html table(String id, String... headers) {
		out.append("<table id=\"").append(id).append("\" class=\"tablesorter nicetable\"><thead><tr>");
		for (String header : headers) {
			out.append("<th>").append(header).append("</th>");
		}
		out.append("</tr></thead><tbody>\n");
		return this;
	}

	Html endTable() {
		out.append("</tbody></table>\n");
		return this;
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
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
		return out.toString();
	}
}
