package org.partyline.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table printed as Markdown with padded columns, so it reads in a terminal and pastes into BENCHMARKS.md. */
final class MarkdownTable {

	private final String[] headers;
	private final boolean[] rightAligned;
	private final List<String[]> rows = new ArrayList<>();

	/** @param headers column headers; a header starting with {@code >} is right-aligned (the marker is dropped) */
	MarkdownTable(String... headers) {
		this.headers = new String[headers.length];
		this.rightAligned = new boolean[headers.length];
		for (int i = 0; i < headers.length; i++) {
			rightAligned[i] = headers[i].startsWith(">");
			this.headers[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
		}
	}

	MarkdownTable row(String... cells) {
		if (cells.length != headers.length) {
			throw new IllegalArgumentException("expected " + headers.length + " cells: " + Arrays.toString(cells));
		}
		rows.add(cells);
		return this;
	}

	@Override
	public String toString() {
		int[] widths = new int[headers.length];
		for (int i = 0; i < headers.length; i++) {
			widths[i] = Math.max(3, headers[i].length());
			for (String[] row : rows) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, headers, widths);
		String[] rules = new String[headers.length];
		for (int i = 0; i < headers.length; i++) {
			rules[i] = rightAligned[i] ? "-".repeat(widths[i] - 1) + ":" : "-".repeat(widths[i]);
		}
		line(out, rules, widths);
		rows.forEach(row -> line(out, row, widths));
		return out.toString();
	}

	private void line(StringBuilder out, String[] cells, int[] widths) {
		out.append('|');
		for (int i = 0; i < cells.length; i++) {
			String padding = " ".repeat(widths[i] - cells[i].length());
			out.append(' ').append(rightAligned[i] ? padding + cells[i] : cells[i] + padding).append(" |");
		}
		out.append('\n');
	}
}
