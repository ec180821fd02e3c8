package org.partyline.itest.tb.ranked;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.PartylineConstants;

/** One handler answering two names: the property is multi-valued. */
@Component(property = { PartylineConstants.SERVICE_NAME + "=echo", PartylineConstants.SERVICE_NAME + "=shout" })
public class Echo implements Handler {

	@Override
	public Object handle(Object payload) {
		return payload;
	}
}
