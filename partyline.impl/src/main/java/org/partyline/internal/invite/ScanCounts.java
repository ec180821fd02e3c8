package org.partyline.internal.invite;

import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

/**
 * How much work the inviter has done since the partyline started: scans of the whiteboard runtimes, servlet entries
 * read from their runtime DTOs, and servlets invited. Shown by {@code partyline:scans}, so that what discovery costs
 * can be watched (and tested) growing with the servlets: entries read should grow about linearly with them.
 */
@Component(service = ScanCounts.class)
public final class ScanCounts {

	private final LongAdder scans = new LongAdder();
	private final LongAdder servletsRead = new LongAdder();
	private final LongAdder invitations = new LongAdder();

	void scanned() {
		scans.increment();
	}

	void read(int servlets) {
		servletsRead.add(servlets);
	}

	void invited() {
		invitations.increment();
	}

	@Override
	public String toString() {
		return "scans " + scans.sum() + ", servlets read " + servletsRead.sum() + ", invitations sent "
				+ invitations.sum();
	}
}
