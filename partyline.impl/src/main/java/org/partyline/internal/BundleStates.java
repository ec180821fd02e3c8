package org.partyline.internal;

import org.osgi.framework.Bundle;

/** The one bundle state question the partyline asks. */
public final class BundleStates {

	private BundleStates() {
	}

	/** Whether the bundle may hold handlers: it is starting (its activator or components run) or active. */
	public static boolean startingOrActive(Bundle bundle) {
		return (bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0;
	}
}
