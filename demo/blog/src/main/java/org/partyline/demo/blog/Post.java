package org.partyline.demo.blog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One blog post and the shop products it features (by the shop's product ids). */
record Post(String slug, String title, String text, List<String> products) {

	/** The posts by slug, newest first. */
	static Map<String, Post> all() {
		Map<String, Post> bySlug = new LinkedHashMap<>();
		add(bySlug, new Post("green-tea", "Green tea needs cooler water",
				"Take the kettle off the stove before it whistles and let the pot stand open for a minute.",
				List.of("kettle", "teapot")));
		add(bySlug, new Post("morning", "A slow morning",
				"Two mugs, one pot, no phone.", List.of("mugs", "teapot")));
		add(bySlug, new Post("hello", "Hello, world",
				"The shop has a blog now. We write about tea.", List.of()));
		return Collections.unmodifiableMap(bySlug);
	}

	private static void add(Map<String, Post> bySlug, Post post) {
		bySlug.put(post.slug(), post);
	}
}
