package org.partyline.launcher.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.partyline.api.Handler;

/**
 * A handler that stalls: it makes the file its payload names, so a test in another JVM knows the call arrived, then
 * waits until its thread is interrupted (its node stops) or its JVM dies.
 */
public class Stall implements Handler {

	@Override
	public Object handle(Object payload) {
		try {
			Files.createFile(Path.of(String.valueOf(payload)));
			new CountDownLatch(1).await();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
		}
		return "released";
	}
}
