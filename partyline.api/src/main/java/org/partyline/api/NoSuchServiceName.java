package org.partyline.api;

/**
 * Thrown by an ask when no handler of that service name is connected anywhere on the partyline, unless the
 * implementation is configured with {@code ignoreMissingServices=true}.
 */
public class NoSuchServiceName extends PartylineException {

	private static final long serialVersionUID = 1L;

	private final String serviceName;

	public NoSuchServiceName(String serviceName) {
		super("No handler is connected for service name \"" + serviceName + "\"", null, false);
		this.serviceName = serviceName;
	}

	/**
	 * @return the service name nobody answers for
	 */
	public String getServiceName() {
		return serviceName;
	}
}
