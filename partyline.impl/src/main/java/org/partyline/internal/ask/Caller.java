package org.partyline.internal.ask;

import org.osgi.framework.Bundle;

/**
 * Who asks: a participant bundle, whose own handlers its asks pass over (and whose application's handlers peers pass
 * over), or nobody's participant, for the shell and the console page.
 *
 * @param id the bundle id; {@link #NEUTRAL} has one no bundle has
 * @param application the bundle's symbolic name, as peer nodes know it; {@code ""} for {@link #NEUTRAL}
 */
public record Caller(long id, String application) {

	/** Nobody's participant: every handler is asked, none left out. */
	public static final Caller NEUTRAL = new Caller(-1, "");

	public static Caller of(Bundle bundle) {
		return new Caller(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()));
	}
}
