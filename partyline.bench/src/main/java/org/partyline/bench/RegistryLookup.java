package org.partyline.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.PartylineConstants;

/** The ask a user would hand-write without Partyline: a filtered registry query, then get, call, unget. */
final class RegistryLookup {

	/** A literal filter, as users write it; the framework parses it on every call. */
	static final String FILTER = "(" + PartylineConstants.SERVICE_NAME + "=" + Party.ANSWERING + ")";

	private RegistryLookup() {
	}

	static List<Object> askAround(BundleContext caller, long callerId, Object payload) throws InvalidSyntaxException {
		Collection<ServiceReference<Handler>> references = caller.getServiceReferences(Handler.class, FILTER);
		List<Object> answers = new ArrayList<>(references.size());
		for (ServiceReference<Handler> reference : references) {
			Bundle owner = reference.getBundle();
			if (owner == null || owner.getBundleId() == callerId) {
				continue; // unregistered meanwhile, or our own
			}
			Handler handler = caller.getService(reference);
			if (handler == null) {
				continue;
			}
			try {
				answers.add(handler.handle(payload));
			} catch (HighAndDry declined) {
				// not its business
			} finally {
				caller.ungetService(reference);
			}
		}
		return answers;
	}
}
