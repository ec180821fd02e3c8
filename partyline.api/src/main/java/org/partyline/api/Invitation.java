package org.partyline.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What became of the invitation of one whiteboard servlet, or of one servlet of a WAR: an immutable record, replaced
 * when the outcome changes.
 */
@ProviderType
public interface Invitation {

	/** The invitation is on its way. */
	String PENDING = "pending";
	/** The servlet connected at least one handler while handling its invitation. */
	String JOINED = "joined";
	/** The servlet answered 404 (or another 4xx), or answered without connecting anything. */
	String DECLINED = "declined";
	/** The servlet answered 5xx, threw, or did not answer in time. */
	String FAILED = "failed";

	/** @return one of {@link #PENDING}, {@link #JOINED}, {@link #DECLINED}, {@link #FAILED} */
	String outcome();

	/** @return why it was declined or failed (status, exception, timeout), or an empty string */
	String reason();

	/**
	 * @return the {@code service.id} of the servlet service; for a servlet of a WAR (a Web Application Bundle), which
	 *         is no service, a negative number the partyline gives it, new for each deployment of the WAR
	 */
	long servletServiceId();

	/** @return the servlet's name in the whiteboard runtime, or in the WAR's {@code web.xml} */
	String servletName();

	/** @return {@code "jakarta"} or {@code "javax"}: the servlet API the servlet implements */
	String servletApi();

	/** @return the id of the bundle that registered the servlet */
	long bundleId();

	/** @return the symbolic name of the bundle that registered the servlet */
	String bundleSymbolicName();

	/** @return the name of the servlet context the servlet is deployed in (a WAR's: its context path) */
	String contextName();

	/** @return the path of that servlet context, empty for the root */
	String contextPath();

	/** @return the pattern the invite route was derived from, or the explicit route property */
	String pattern();

	/** @return the path the invitation was sent to (context path included), or empty if it has none */
	String route();

	/** @return the names of the handlers the servlet connected while handling its invitation */
	Set<String> handlerNames();

	/** @return when the invitation was sent */
	Instant invitedAt();

	/** @return how long the servlet took to answer, or the time waited so far while pending */
	Duration duration();
}
