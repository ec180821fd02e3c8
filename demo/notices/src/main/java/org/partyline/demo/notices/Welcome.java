package org.partyline.demo.notices;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Handler;
import org.partyline.api.PartylineConstants;

/**
 * A participant with no servlet and no invitation: a Declarative Services component is a handler as soon as it
 * carries the service name. Ranking 0 (the default): it comes after {@link OpeningHours}.
 */
@Component(property = PartylineConstants.SERVICE_NAME + "=notice")
public class Welcome implements Handler {

	@Override
	public Object handle(Object payload) {
		return "Welcome! Every link on this page was built by another bundle, through the partyline.";
	}
}
