package org.partyline.internal.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;

/**
 * A command's help, written from its Gogo annotations in the layout of Karaf's own (DESCRIPTION, SYNTAX, ARGUMENTS,
 * OPTIONS). It is what {@code partyline:NAME --help} prints, and so what Karaf's {@code help partyline:NAME} shows:
 * Karaf runs a command that is not one of its own with {@code --help} and shows what it printed. Felix Gogo's
 * {@code help} reads the same annotations by itself.
 */
final class CommandUsage {

	private static final String INDENT = "        ";

	private CommandUsage() {
	}

	/**
	 * The usage of {@code scope:function}, from the public methods of that name: the one with the most parameters
	 * shows them all, and an argument that a shorter one goes without is optional (a form without any argument
	 * does not count: it is there to show the usage when the arguments are missing).
	 */
	static String of(String scope, Class<?> commands, String function) {
		List<Method> forms = Arrays.stream(commands.getMethods())
				.filter(method -> method.getName().equals(function))
				.sorted(Comparator.comparingInt(Method::getParameterCount))
				.toList();
		if (forms.isEmpty()) {
			throw new IllegalArgumentException(commands.getName() + " has no command " + function);
		}
		Method fullest = forms.get(forms.size() - 1);
		int required = forms.stream().mapToInt(form -> arguments(form).size()).filter(count -> count > 0).min()
				.orElse(0);
		List<Parameter> arguments = arguments(fullest);
		List<Parameter> options = Arrays.stream(fullest.getParameters()).filter(CommandUsage::isOption).toList();

		StringBuilder usage = new StringBuilder();
		usage.append("DESCRIPTION\n").append(INDENT).append(scope).append(':').append(function).append("\n\n\t")
				.append(descriptionOf(fullest)).append("\n\n");
		usage.append("SYNTAX\n").append(INDENT).append(scope).append(':').append(function);
		if (!options.isEmpty()) {
			usage.append(" [options]");
		}
		for (int i = 0; i < arguments.size(); i++) {
			String name = argumentName(arguments.get(i));
			usage.append(' ').append(i < required ? name : "[" + name + "]");
		}
		usage.append("\n\n");
		if (!arguments.isEmpty()) {
			usage.append("ARGUMENTS\n");
			arguments.forEach(argument -> entry(usage, argumentName(argument), descriptionOf(argument)));
			usage.append('\n');
		}
		if (!options.isEmpty()) {
			usage.append("OPTIONS\n");
			options.forEach(option -> entry(usage, String.join(", ", namesOf(option)), descriptionOf(option)));
			usage.append('\n');
		}
		return usage.toString();
	}

	private static void entry(StringBuilder usage, String term, String description) {
		usage.append(INDENT).append(term).append('\n').append(INDENT).append(INDENT).append(description).append('\n');
	}

	private static List<Parameter> arguments(Method method) {
		return Arrays.stream(method.getParameters()).filter(parameter -> !isOption(parameter)).toList();
	}

	private static boolean isOption(Parameter parameter) {
		return parameter.isAnnotationPresent(org.apache.felix.service.command.Parameter.class);
	}

	private static String[] namesOf(Parameter option) {
		return option.getAnnotation(org.apache.felix.service.command.Parameter.class).names();
	}

	/** {@code serviceName} becomes {@code service-name} (the parameter names are compiled in: javac -parameters). */
	private static String argumentName(Parameter argument) {
		return argument.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String descriptionOf(java.lang.reflect.AnnotatedElement element) {
		Descriptor descriptor = element.getAnnotation(Descriptor.class);
		return descriptor == null ? "" : descriptor.value();
	}
}
