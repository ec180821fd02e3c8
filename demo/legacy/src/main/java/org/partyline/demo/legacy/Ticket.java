package org.partyline.demo.legacy;

import java.util.List;

/** A support ticket about one of the shop's products. */
record Ticket(String id, String title, String text, String product) {

	static List<Ticket> all() {
		return List.of(
				new Ticket("1", "The kettle whistles too early", "It whistles at 80 degrees. Working as designed: it is"
						+ " a tea kettle, and green tea wants 80.", "kettle"),
				new Ticket("2", "A mug arrived chipped", "Replaced; the new one left the warehouse on Tuesday.",
						"mugs"));
	}
}
