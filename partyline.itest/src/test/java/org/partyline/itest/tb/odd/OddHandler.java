package org.partyline.itest.tb.odd;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.PartylineConstants;

/** The seed's {@code odd}: returns the number if it is odd. */
@Component(property = PartylineConstants.SERVICE_NAME + "=number")
public class OddHandler implements Handler {

	@Override
	public Object handle(Object payload) {
		int number = (Integer) payload;
		if (number % 2 == 1) {
			return number;
		}
		throw new HighAndDry();
	}
}
