package org.partyline.internal.shell;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns as wide as their widest cell. */
final class Table {

	private final List<String[]> rows = new ArrayList<>();

	Table(String... headings) {
		rows.add(headings);
	}

	void row(String... cells) {
		rows.add(cells);
	}

	@Override
	public String toString() {
		int columns = rows.get(0).length;
		int[] widths = new int[columns];
		for (String[] row : rows) {
			for (int c = 0; c < columns; c++) {
				widths[c] = Math.max(widths[c], row[c].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (String[] row : rows) {
			for (int c = 0; c < columns; c++) {
				text.append(c == columns - 1 ? row[c] : pad(row[c], widths[c] + 2));
			}
			text.append(System.lineSeparator());
		}
		return text.toString().stripTrailing();
	}

	private static String pad(String cell, int width) {
		return cell + " ".repeat(width - cell.length());
	}
}
