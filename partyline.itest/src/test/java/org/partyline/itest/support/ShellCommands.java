package org.partyline.itest.support;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The partyline's Gogo commands, reached the way Gogo reaches them: found by their osgi.command properties, called
 * by name.
 */
public final class ShellCommands {

	private final BundleContext context;

	public ShellCommands(BundleContext context) {
		this.context = context;
	}

	/** The service the commands are registered as. */
	public ServiceReference<?> reference() {
		try {
			ServiceReference<?>[] commands = context.getServiceReferences((String) null,
					"(osgi.command.scope=partyline)");
			if (commands == null) {
				throw new AssertionError("no partyline commands are registered");
			}
			return commands[0];
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** Calls the command with String arguments, as Gogo does for {@code partyline:<function> <arguments>}. */
	public String call(String function, String... arguments) throws Exception {
		ServiceReference<?> reference = reference();
		Object commands = context.getService(reference);
		try {
			Class<?>[] types = new Class<?>[arguments.length];
			Arrays.fill(types, String.class);
			Method method = commands.getClass().getMethod(function, types);
			return (String) method.invoke(commands, (Object[]) arguments);
		} finally {
			context.ungetService(reference);
		}
	}
}
