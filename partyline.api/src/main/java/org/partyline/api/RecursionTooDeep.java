package org.partyline.api;

/**
 * Thrown when asks nest deeper than the partyline allows on one thread: a handler that asks around on its own
 * service name (directly or through others) would otherwise recurse until the caller's stack overflows.
 */
public class RecursionTooDeep extends PartylineException {

	private static final long serialVersionUID = 1L;

	private final String serviceName;
	private final int limit;

	public RecursionTooDeep(String serviceName, int limit) {
		super("Asks nested more than " + limit + " deep on one thread (asking \"" + serviceName
				+ "\"): a handler is asking around in a loop", null, true);
		this.serviceName = serviceName;
		this.limit = limit;
	}

	/** @return the service name whose ask went too deep */
	public String getServiceName() {
		return serviceName;
	}

	/** @return how deep asks may nest */
	public int getLimit() {
		return limit;
	}
}
