package org.partyline.itest.tb.even;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.PartylineConstants;

/** The seed's {@code even}: returns the number if it is even. */
@Component(property = PartylineConstants.SERVICE_NAME + "=number")
public class EvenHandler implements Handler {

	@Override
	public Object handle(Object payload) {
		int number = (Integer) payload;
		if (number % 2 == 0) {
			return number;
		}
		throw new HighAndDry();
	}
}
