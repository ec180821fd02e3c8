package org.partyline.itest.tb.four;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.PartylineConstants;

/** The seed's {@code multiple_of_four}: returns the number if it is a multiple of 4. */
@Component(property = PartylineConstants.SERVICE_NAME + "=number")
public class MultipleOfFourHandler implements Handler {

	@Override
	public Object handle(Object payload) {
		int number = (Integer) payload;
		if (number % 4 == 0) {
			return number;
		}
		throw new HighAndDry();
	}
}
