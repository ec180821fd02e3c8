package org.partyline.api;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One handler's part in an ask that names who answered ({@link Partyline#replies} and
 * {@link Partyline#askAroundAsync}): its outcome, its answer or failure, and the handler service it came from.
 * <p>
 * The service properties are those of the handler's service when it was asked: its bundle, service id and ranking.
 * Replies are immutable and may be kept. A reply from another node ({@link #node()} not empty) carries that node's
 * bundle, service id and ranking, its answer as the plain value it crossed as, and as failure an exception that
 * names what the handler threw there.
 *
 * @since 1.1
 */
@ProviderType
public interface Reply {

	/** The handler answered: {@link #answer()} is its answer, possibly {@code null}. */
	String ANSWERED = "answered";
	/** The handler declined with {@link HighAndDry}. */
	String DECLINED = "declined";
	/** The handler threw: {@link #failure()} is what it threw. */
	String FAILED = "failed";
	/**
	 * An asynchronous ask's deadline came before the handler's answer, or the handler had too many calls running to
	 * be called at all; whatever it answers later is dropped.
	 */
	String LATE = "late";

	/** @return the handler's answer if {@link #ANSWERED}, else {@code null} */
	Object answer();

	/** @return one of {@link #ANSWERED}, {@link #DECLINED}, {@link #FAILED}, {@link #LATE} */
	String outcome();

	/** @return what the handler threw if {@link #FAILED}, else {@code null} */
	Throwable failure();

	/** @return the symbolic name of the bundle that owns the handler */
	String bundleSymbolicName();

	/** @return the id of the bundle that owns the handler */
	long bundleId();

	/** @return the {@code service.id} of the handler's service */
	long serviceId();

	/** @return the {@code service.ranking} of the handler's service */
	int ranking();

	/**
	 * @return how long the handler took to answer, decline or fail; for {@link #LATE}, how long the ask waited for
	 *         it (zero when it was not called)
	 */
	Duration duration();

	/**
	 * @return the name of the node whose handler replied, when the partyline spans several frameworks; the empty
	 *         string for a handler in the asking framework. A reply that stands for a whole node that could not be
	 *         asked ({@link #FAILED} or {@link #LATE}, with no bundle: an empty symbolic name and id {@code -1}) names
	 *         that node, or its endpoint when its name is not known yet.
	 * @since 1.2
	 */
	String node();

	/** @return whether the outcome is {@link #ANSWERED} */
	default boolean isAnswered() {
		return ANSWERED.equals(outcome());
	}
}
