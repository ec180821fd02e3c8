package org.partyline.itest.churn;

import org.osgi.service.component.ComponentContext;
import org.partyline.api.Handler;

/** Answers with the symbolic name of the bundle that declared it. */
public class ChurnHandler implements Handler {

	private volatile String owner;

	protected void activate(ComponentContext context) {
		owner = context.getBundleContext().getBundle().getSymbolicName();
	}

	@Override
	public Object handle(Object payload) {
		return owner;
	}
}
