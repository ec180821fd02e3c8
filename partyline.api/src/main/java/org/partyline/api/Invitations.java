package org.partyline.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A service listing the invitation of every whiteboard servlet, and of every servlet of a WAR, currently deployed, for
 * shell commands, status pages and tests. Servlets that are no longer deployed are forgotten.
 * <p>
 * A servlet is invited with {@code GET <context path><pattern prefix>/__invite__/}: pattern {@code /shop/*} gives
 * {@code /shop/__invite__/}, {@code /} or {@code /*} give {@code /__invite__/}. A servlet with only exact or
 * extension patterns names its route with the service property {@link #ROUTE_PROPERTY}; a servlet opts out with
 * {@link #INVITE_PROPERTY}{@code =false}. A WAR's servlet, which is no service, does both with init parameters of
 * these names.
 */
@ProviderType
public interface Invitations {

	/** Servlet service property: {@code false} keeps the servlet from being invited. */
	String INVITE_PROPERTY = "partyline.invite";

	/** Servlet service property: the invite route within the servlet's context, e.g. {@code /status/__invite__/}. */
	String ROUTE_PROPERTY = "partyline.invite.route";

	/** @return the invitations of the servlets deployed now, oldest first */
	List<Invitation> list();

	/** @return the invitation of that servlet, if it is deployed and known */
	Optional<Invitation> ofServlet(long servletServiceId);
}
