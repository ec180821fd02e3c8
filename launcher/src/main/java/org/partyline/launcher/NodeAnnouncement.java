package org.partyline.launcher;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.AllServiceListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * Prints which peers the node reached, once its view appears and again whenever that changes, and why it refuses
 * to export when it does. The view is the node's local service of properties only, found by {@value #VIEW}; only
 * its properties are read, so the launcher needs none of the partyline's classes (an {@link AllServiceListener}, as
 * the launcher cannot see the class it is registered under).
 */
final class NodeAnnouncement implements AllServiceListener {

	static final String VIEW = "(partyline.node.endpoint=*)";

	private final AtomicReference<String> lastPrinted = new AtomicReference<>("");

	private NodeAnnouncement() {
	}

	/** Listens from now on (before the bundles are installed). */
	static void listen(BundleContext context) throws InvalidSyntaxException {
		context.addServiceListener(new NodeAnnouncement(), VIEW);
	}

	@Override
	public void serviceChanged(ServiceEvent event) {
		if (event.getType() == ServiceEvent.REGISTERED || event.getType() == ServiceEvent.MODIFIED) {
			String line = line(event.getServiceReference());
			if (!lastPrinted.getAndSet(line).equals(line)) {
				System.out.println(line);
			}
		}
	}

	/**
	 * For example {@code partyline: node a at partyline://127.0.0.1:7001/PartylineNode reached
	 * b@partyline://127.0.0.1:7002/PartylineNode; not reached partyline://127.0.0.1:7003/PartylineNode: ...}.
	 */
	static String line(ServiceReference<?> view) {
		StringBuilder line = new StringBuilder("partyline: node ").append(view.getProperty("partyline.node.name"))
				.append(" at ").append(view.getProperty("partyline.node.endpoint"));
		Object refusal = view.getProperty("partyline.node.refusal");
		if (refusal != null) {
			return line.append(" refuses to export: ").append(refusal).toString();
		}
		List<String> reached = strings(view.getProperty("partyline.node.reached"));
		List<String> unreached = strings(view.getProperty("partyline.node.unreached"));
		line.append(reached.isEmpty() ? " reached no peer" : " reached " + String.join(", ", reached));
		if (!unreached.isEmpty()) {
			line.append("; not reached ").append(String.join(", ", unreached));
		}
		return line.toString();
	}

	private static List<String> strings(Object property) {
		if (property instanceof String[] array) {
			return Arrays.asList(array);
		}
		if (property instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		return property == null ? List.of() : List.of(String.valueOf(property));
	}
}
