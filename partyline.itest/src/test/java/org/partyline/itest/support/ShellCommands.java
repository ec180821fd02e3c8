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

	/**
	 * Calls the command with String arguments, as Gogo does for {@code partyline:<function> <arguments>}: the method
	 * of that name taking as many arguments besides its flags, each argument converted to its parameter's type (a
	 * String, or a long or int for an option's value, which Gogo fills in with its default when the option is not
	 * given); a flag (a boolean parameter: {@code --help}) is not given, so false.
	 */
	public String call(String function, String... arguments) throws Exception {
		ServiceReference<?> reference = reference();
		Object commands = context.getService(reference);
		try {
			Method method = Arrays.stream(commands.getClass().getMethods())
					.filter(m -> m.getName().equals(function) && valuesOf(m) == arguments.length)
					.findFirst()
					.orElseThrow(() -> new AssertionError("no " + function + " with " + arguments.length + " arguments"));
			Class<?>[] types = method.getParameterTypes();
			Object[] converted = new Object[types.length];
			for (int i = 0, given = 0; i < types.length; i++) {
				converted[i] = types[i] == boolean.class ? Boolean.FALSE : convert(arguments[given++], types[i]);
			}
			return (String) method.invoke(commands, converted);
		} finally {
			context.ungetService(reference);
		}
	}

	private static long valuesOf(Method method) {
		return Arrays.stream(method.getParameterTypes()).filter(type -> type != boolean.class).count();
	}

	private static Object convert(String argument, Class<?> type) {
		return type == long.class ? Long.parseLong(argument)
				: type == int.class ? (Object) Integer.parseInt(argument) : argument;
	}
}
