package org.partyline.launcher.log;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the warnings and errors of the OSGi Log Service on to SLF4J, which prints them. Without this, what
 * Declarative Services, Configuration Admin and the partyline log (a component that fails to activate, a handler that
 * fails) would be stored in the Log Service and never shown. Less severe entries are mostly the framework's events,
 * one per bundle and service: left out.
 */
@Component(service = {}) // immediate: not a service, it only listens
public final class LogPrinter implements LogListener {

	private final LogReaderService reader;

	@Activate
	public LogPrinter(@Reference LogReaderService reader) {
		this.reader = reader;
		reader.addLogListener(this);
	}

	@Deactivate
	void deactivate() {
		reader.removeLogListener(this);
	}

	@Override
	public void logged(LogEntry entry) {
		LogLevel level = entry.getLogLevel();
		if (!LogLevel.WARN.implies(level)) { // i.e. level is WARN, ERROR or AUDIT
			return;
		}
		Logger logger = LoggerFactory.getLogger(entry.getLoggerName());
		String message = "[" + entry.getBundle().getSymbolicName() + "] " + entry.getMessage();
		if (level == LogLevel.WARN) {
			logger.warn(message, entry.getException());
		} else {
			logger.error(message, entry.getException());
		}
	}
}
