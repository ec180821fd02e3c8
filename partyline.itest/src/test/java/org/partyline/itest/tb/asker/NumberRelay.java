package org.partyline.itest.tb.asker;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partyline.api.Handler;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

/** Answers "relay" by asking "number" itself: it works only while its Partyline reference is valid. */
@Component(property = PartylineConstants.SERVICE_NAME + "=relay")
public class NumberRelay implements Handler {

	private final Partyline partyline;

	@Activate
	public NumberRelay(@Reference Partyline partyline) {
		this.partyline = partyline;
	}

	@Override
	public Object handle(Object payload) {
		return partyline.askAround("number", payload);
	}
}
