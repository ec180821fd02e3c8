package org.partyline.demo.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;

/**
 * A demo application's seat on the partyline, whichever servlet API serves it: it keeps the {@link Partyline} the
 * application's invitation carried and asks the other applications with it for what the pages show. Until the
 * application has joined, and after the partyline stops, it stands alone: its pages lack the others' links.
 */
public final class Guest {

	private final String name;
	private volatile Partyline partyline;

	/** @param name the application's own entry in the navigation bar, e.g. {@code Shop} */
	public Guest(String name) {
		this.name = name;
	}

	/**
	 * Joins with the partyline an invitation carried: {@code connect} connects the application's handlers to it, and
	 * the application asks with it from then on. The handlers go when the servlet does, or when the partyline stops.
	 *
	 * @return false if that partyline stopped meanwhile; it invites again when it is back
	 */
	public boolean join(Partyline invited, Consumer<Partyline> connect) {
		try {
			connect.accept(invited);
		} catch (IllegalStateException stoppedMeanwhile) {
			return false;
		}
		partyline = invited;
		return true;
	}

	/** Starts a page with the other applications' navigation entries and every bundle's notices. */
	public Html page(String title) {
		return new Html(title, name, navigation(), notices());
	}

	/** Every other application's answer to {@code nav} ({@link Links#nav}): its name and home, in precedence order. */
	public List<Map.Entry<?, ?>> navigation() {
		List<Map.Entry<?, ?>> links = new ArrayList<>();
		for (Object answer : ask(party -> party.askAround("nav", null), List.of())) {
			if (answer instanceof Map<?, ?> link && link.get(Links.NAME) != null && link.get(Links.HREF) != null) {
				links.add(Map.entry(link.get(Links.NAME), link.get(Links.HREF)));
			}
		}
		return links;
	}

	/** The notices other bundles contribute, in precedence order. */
	public List<String> notices() {
		return ask(party -> party.askAround("notice", null, String.class), List.of());
	}

	/** The first answer of the other applications for an endpoint: {@code url_for} across applications. */
	public Optional<String> url(String endpoint) {
		return ask(party -> party.askFirst("url", endpoint, String.class), Optional.empty());
	}

	/** Asks the partyline; {@code alone} while the application is not on it. */
	private <T> T ask(Function<Partyline, T> question, T alone) {
		Partyline current = partyline;
		try {
			return current == null ? alone : question.apply(current);
		} catch (NoSuchServiceName | IllegalStateException nobodyOrStopped) {
			return alone; // nobody answers that name, or the partyline stopped: invited again when it is back
		}
	}
}
