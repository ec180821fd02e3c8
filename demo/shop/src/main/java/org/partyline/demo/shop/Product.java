package org.partyline.demo.shop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One article of the shop; the catalogue is fixed, it is a demo. */
record Product(String id, String name, String price, String description) {

	/** The products by id, in display order. */
	static Map<String, Product> catalogue() {
		Map<String, Product> byId = new LinkedHashMap<>();
		add(byId, new Product("kettle", "Stovetop kettle", "€ 39", "Enamelled steel; it whistles when the water boils."));
		add(byId, new Product("teapot", "Round teapot", "€ 24", "Stoneware, holds four cups."));
		add(byId, new Product("mugs", "Two mugs", "€ 18", "Hand-glazed, one blue and one green."));
		return Collections.unmodifiableMap(byId);
	}

	private static void add(Map<String, Product> byId, Product product) {
		byId.put(product.id(), product);
	}
}
