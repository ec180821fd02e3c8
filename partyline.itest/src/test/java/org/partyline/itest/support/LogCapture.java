package org.partyline.itest.support;


import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/** Collects the log entries written while it is open, so tests can wait for one. */
public final class LogCapture implements LogListener, AutoCloseable {

	private final LogReaderService reader;
	private final List<LogEntry> entries = new CopyOnWriteArrayList<>();

	public LogCapture(LogReaderService reader) {
		this.reader = reader;
		reader.addLogListener(this);
	}

	@Override
	public void logged(LogEntry entry) {
		entries.add(entry);
	}

	/** Waits for an entry matching the predicate and returns it. */
	public LogEntry await(Predicate<LogEntry> matching) {
		return org.awaitility.Awaitility.await("log entry").atMost(Participants.PATIENCE)
				.until(() -> entries.stream().filter(matching).findFirst().orElse(null), e -> e != null);
	}

	public List<LogEntry> entries() {
		return entries;
	}

	@Override
	public void close() {
		reader.removeLogListener(this);
	}

}
