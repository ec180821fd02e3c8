package org.partyline.demo.notices;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.PartylineConstants;

/** The more important notice: its higher {@code service.ranking} puts it first in every answer. */
@Component(property = { PartylineConstants.SERVICE_NAME + "=notice", "service.ranking:Integer=10" })
public class OpeningHours implements Handler {

	@Override
	public Object handle(Object payload) {
		return "Closed on Monday 1 May: orders placed that day ship on Tuesday.";
	}
}
