package org.partyline.api;

/**
 * Wraps an unexpected exception thrown by a handler (anything but {@link HighAndDry}). It names the service name and
 * the bundle that owns the failing handler; the original exception is the cause.
 * <p>
 * When the implementation is configured to isolate failures, this is logged instead of thrown and the failing
 * handler is skipped.
 */
public class HandlerFailed extends PartylineException {

	private static final long serialVersionUID = 1L;

	private final String serviceName;
	private final String bundleSymbolicName;
	private final long bundleId;

	public HandlerFailed(String serviceName, String bundleSymbolicName, long bundleId, Throwable cause) {
		super("Handler for service name \"" + serviceName + "\" of bundle " + bundleSymbolicName + " [" + bundleId
				+ "] failed: " + cause, cause);
		this.serviceName = serviceName;
		this.bundleSymbolicName = bundleSymbolicName;
		this.bundleId = bundleId;
	}

	/**
	 * @return the service name that was asked
	 */
	public String getServiceName() {
		return serviceName;
	}

	/**
	 * @return the symbolic name of the bundle owning the failing handler
	 */
	public String getBundleSymbolicName() {
		return bundleSymbolicName;
	}

	/**
	 * @return the id of the bundle owning the failing handler
	 */
	public long getBundleId() {
		return bundleId;
	}
}
