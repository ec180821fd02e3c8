package org.partyline.itest.tb.ranked;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.PartylineConstants;

/** Ranked above the default: answers "greeting" first. */
@Component(property = { PartylineConstants.SERVICE_NAME + "=greeting", "service.ranking:Integer=10" })
public class PreferredGreeter implements Handler {

	@Override
	public Object handle(Object payload) {
		return "preferred " + payload;
	}
}
