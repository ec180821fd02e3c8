package org.partyline.internal.invite;

import java.net.URI;
import java.util.List;

/**
 * A servlet of a WAR, as its context lists it: no service, so its id is one the partyline gives it (negative, unlike
 * every {@code service.id}), and its invitation settings are its init parameters of the service properties' names.
 */
record WarServlet(long id, String name, List<String> patterns, String contextPath, String inviteSetting,
		String routeSetting) {

	/** The servlet as the invitation machinery knows every servlet, reached through that endpoint. */
	DeployedServlet deployedAt(URI endpoint) {
		return new DeployedServlet(id, name, patterns, contextPath, contextPath, endpoint);
	}
}
