package org.partyline.internal.invite;

import java.net.URI;
import java.util.List;

/**
 * A servlet as a whiteboard runtime reports it deployed, with the runtime's endpoint to reach it through.
 *
 * @param contextPath the path of its servlet context, empty for the root
 * @param endpoint scheme, host and port of the runtime, on loopback where the runtime listens on every address
 */
record DeployedServlet(long serviceId, String name, List<String> patterns, String contextName, String contextPath,
		URI endpoint) {
}
