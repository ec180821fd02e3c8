package org.partyline.demo.shop;

import java.util.Set;

import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;

/**
 * The shop's answer to the {@code url} service, like Flask's {@code url_for}: endpoint name in, path out. Endpoints
 * of other applications are declined, so the partyline asks the next one.
 */
final class ShopUrls implements Handler {

	private static final String PRODUCT = "shop.product:";

	private final String base;
	private final Set<String> productIds;

	/** @param base where the shop is mounted, e.g. {@code /shop} */
	ShopUrls(String base, Set<String> productIds) {
		this.base = base;
		this.productIds = productIds;
	}

	@Override
	public Object handle(Object payload) {
		if ("shop.home".equals(payload)) {
			return base + "/";
		}
		if (payload instanceof String endpoint && endpoint.startsWith(PRODUCT)) {
			String id = endpoint.substring(PRODUCT.length());
			if (productIds.contains(id)) {
				return base + "/products/" + id;
			}
		}
		throw new HighAndDry();
	}
}
