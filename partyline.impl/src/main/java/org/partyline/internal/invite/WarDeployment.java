package org.partyline.internal.invite;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;

/**
 * One deployment of a WAR: its bundle, its context path and its own servlets. A redeployment is another one, with
 * servlets of new ids, invited again.
 */
final class WarDeployment {

	final Bundle war;
	final String contextPath;
	final List<WarServlet> servlets;
	private final AtomicBoolean invited = new AtomicBoolean();
	private final AtomicBoolean gone = new AtomicBoolean();

	WarDeployment(Bundle war, String contextPath, List<WarServlet> servlets) {
		this.war = war;
		this.contextPath = contextPath;
		this.servlets = List.copyOf(servlets);
	}

	/** The key both the gate and the WAR extender's ServletContext service know a deployment by. */
	String key() {
		return key(war.getBundleId(), contextPath);
	}

	static String key(long bundleId, String contextPath) {
		return bundleId + contextPath;
	}

	/** @return {@code true} the first time only: the invitations go once per deployment */
	boolean inviting() {
		return !gone.get() && invited.compareAndSet(false, true);
	}

	/** @return {@code true} the first time only */
	boolean leaving() {
		return gone.compareAndSet(false, true);
	}

	boolean wasInvited() {
		return invited.get();
	}

	boolean isGone() {
		return gone.get();
	}
}
