package org.partyline.itest.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The partyline's Web Console plugin of one servlet API, the real object from the registry, served again under a
 * whiteboard pattern of the test's (not invited) so a test can GET and POST it as the console would. Close it to
 * unregister it and release the plugin.
 */
public final class ConsolePlugin implements AutoCloseable {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]*)\"");

	private final BundleContext context;
	private final Web web;
	private final ServiceReference<?> reference;
	private final ServiceRegistration<?> served;
	private final String path;

	/** @param api {@code "jakarta"} or {@code "javax"} */
	public ConsolePlugin(BundleContext context, Web web, String api) {
		this.context = context;
		this.web = web;
		String servletInterface = api + ".servlet.Servlet";
		this.reference = await("the " + api + " console plugin").atMost(Participants.PATIENCE)
				.until(() -> plugin(servletInterface), found -> found != null);
		Object plugin = context.getService(reference);
		this.path = "/console-under-test/" + api;
		this.served = web.register(servletInterface, plugin, path, "partyline.invite", "false");
	}

	private ServiceReference<?> plugin(String servletInterface) {
		try {
			ServiceReference<?>[] found = context.getServiceReferences(servletInterface,
					"(felix.webconsole.label=partyline)");
			return found == null ? null : found[0];
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public HttpResponse<String> get() {
		return web.send(HttpRequest.newBuilder(uri()).GET());
	}

	/** POSTs the ask form with those fields, name then value; a field left out is not sent. */
	public HttpResponse<String> post(String... fields) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			pairs.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
		}
		return web.send(HttpRequest.newBuilder(uri())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
	}

	/** The token of the ask form in a page. */
	public static String token(String page) {
		Matcher matcher = TOKEN.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no token in the page: " + page);
		}
		return matcher.group(1);
	}

	/** The rows of that class, each as the text between its {@code <tr>} and {@code </tr>}. */
	public static List<String> rows(String page, String cssClass) {
		Matcher row = Pattern.compile("<tr class=\"" + cssClass + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		List<String> rows = new ArrayList<>();
		while (row.find()) {
			rows.add(row.group(1));
		}
		return rows;
	}

	/** The one row of that class containing {@code text}. */
	public static String row(String page, String cssClass, String text) {
		return rows(page, cssClass).stream().filter(r -> r.contains(text)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + cssClass + " row with " + text + " in "
						+ Arrays.toString(rows(page, cssClass).toArray())));
	}

	private URI uri() {
		return URI.create(web.endpoint() + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		try {
			served.unregister();
		} finally {
			context.ungetService(reference);
		}
	}
}
