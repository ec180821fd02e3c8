package org.partyline.demo.blog;

import java.util.Map;

import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;

/**
 * The blog's answer to the {@code url} service: its home, a post by slug, and the newest post about a product of
 * the shop. Anything else is declined, so the partyline asks the next application.
 */
final class BlogUrls implements Handler {

	private static final String POST = "blog.post:";
	private static final String ABOUT = "blog.about:";

	private final String base;
	private final Map<String, Post> posts;

	/** @param base where the blog is mounted, e.g. {@code /blog} */
	BlogUrls(String base, Map<String, Post> posts) {
		this.base = base;
		this.posts = posts;
	}

	@Override
	public Object handle(Object payload) {
		if ("blog.home".equals(payload)) {
			return base + "/";
		}
		if (payload instanceof String endpoint && endpoint.startsWith(POST) && posts.containsKey(endpoint.substring(POST.length()))) {
			return base + "/posts/" + endpoint.substring(POST.length());
		}
		if (payload instanceof String endpoint && endpoint.startsWith(ABOUT)) {
			String product = endpoint.substring(ABOUT.length());
			for (Post post : posts.values()) {
				if (post.products().contains(product)) {
					return base + "/posts/" + post.slug();
				}
			}
		}
		throw new HighAndDry();
	}
}
