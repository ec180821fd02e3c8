package org.partyline.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.util.promise.Promise;

/**
 * The partyline as one participant bundle sees it.
 * <p>
 * The service is bundle-scoped: the instance a bundle gets from the service registry (or in the request attribute
 * {@value PartylineConstants#REQUEST_ATTRIBUTE} of an invitation) knows that bundle. Handlers owned by that bundle
 * are never called by its own asks, so an application never answers itself.
 * <p>
 * Handlers are called in precedence order: highest {@code service.ranking} first, then lowest {@code service.id}.
 * Every ask works on the handlers connected when it started; handlers connected or disconnected meanwhile take part
 * from the next ask on. All methods are thread safe and take no lock.
 * <p>
 * When the Partyline implementation stops, every instance it handed out throws {@link IllegalStateException}.
 * <p>
 * When this framework's partyline is a node ({@link PartylineConstants#NODE_CONFIGURATION_PID}), an ask also asks
 * the peer nodes that have handlers of the name, after this framework's own handlers and in the order the peers are
 * configured; {@link Reply#node()} names where a reply came from. On each peer it leaves out the handlers of bundles
 * with the caller's symbolic name, and those of every application (symbolic name) that has handlers of the name in
 * this framework: an application here answers from here, so one that runs on several nodes is heard once (the
 * node's configuration can turn this off). A name no peer has costs no call to any. The asks that return answers
 * wait for the peers at most the node's configured deadline, {@link #askAroundAsync} at most its own. Payloads and
 * answers then cross as plain values only (strings, numbers, booleans, characters, {@code null}, lists and maps of
 * these, DTOs as maps of their fields): a payload for a peer of any other type is refused with an
 * {@link IllegalArgumentException} naming its type, and a remote answer of another type than asked is left out.
 * {@link NoSuchServiceName} is then thrown when no handler of the name is connected here or on a peer.
 */
@ProviderType
public interface Partyline {

	/**
	 * Asks every handler of {@code serviceName} owned by other bundles, in precedence order.
	 *
	 * @param serviceName the service name, a non-empty literal (no wildcard or filter syntax)
	 * @param payload passed to each handler unchanged, possibly {@code null}
	 * @return a new, modifiable list of the answers in precedence order, {@code null} answers included and declining
	 *         handlers left out; empty when every handler declined or only this bundle's own handlers exist
	 * @throws NoSuchServiceName when no bundle at all has a handler of that name (unless the implementation is
	 *             configured to ignore missing services; then the list is empty)
	 * @throws HandlerFailed when a handler throws anything but {@link HighAndDry} (unless the implementation is
	 *             configured to isolate failures; then the failure is logged and the handler skipped)
	 * @throws NullPointerException if {@code serviceName} is {@code null}
	 * @throws IllegalArgumentException if {@code serviceName} is empty
	 */
	List<Object> askAround(String serviceName, Object payload);

	/**
	 * Like {@link #askAround(String, Object)}, with the answers checked against a type: an answer of another type is
	 * a failure of its handler, reported as {@link HandlerFailed} (or isolated, as configured).
	 *
	 * @param answerType the type every non-{@code null} answer must have
	 * @return a new, modifiable list of the answers
	 */
	<T> List<T> askAround(String serviceName, Object payload, Class<T> answerType);

	/**
	 * Asks the handlers of {@code serviceName} owned by other bundles one by one, in precedence order, and stops at
	 * the first that answers with a non-{@code null} value; the others are not called.
	 *
	 * @return the first non-{@code null} answer, or empty when every handler declined or answered {@code null}
	 * @throws NoSuchServiceName as for {@link #askAround(String, Object)}
	 * @throws HandlerFailed as for {@link #askAround(String, Object)}
	 */
	Optional<Object> askFirst(String serviceName, Object payload);

	/**
	 * Like {@link #askFirst(String, Object)}, with the answer checked against a type as in
	 * {@link #askAround(String, Object, Class)}.
	 */
	<T> Optional<T> askFirst(String serviceName, Object payload, Class<T> answerType);

	/**
	 * Asks like {@link #askAround(String, Object)} (the same handlers, in the same order) and tells who answered: one
	 * {@link Reply} per handler asked, with its outcome ({@link Reply#ANSWERED}, {@link Reply#DECLINED} or
	 * {@link Reply#FAILED}) and its bundle. A handler's failure is its reply, never an exception of this call,
	 * whatever the implementation is configured to do with failures in {@code askAround}.
	 *
	 * @return a new, modifiable list of the replies in precedence order; empty when only this bundle's own handlers
	 *         exist
	 * @throws NoSuchServiceName as for {@link #askAround(String, Object)}
	 * @throws RecursionTooDeep when this ask is nested too deep on this thread
	 * @throws NullPointerException if {@code serviceName} is {@code null}
	 * @throws IllegalArgumentException if {@code serviceName} is empty
	 * @since 1.1
	 */
	List<Reply> replies(String serviceName, Object payload);

	/**
	 * Asks like {@link #replies(String, Object)}, but without handing the calling thread to any handler: every
	 * handler is called on the implementation's own threads, and the promise resolves once every handler has replied
	 * or the deadline has passed, whichever comes first, with one {@link Reply} per handler in precedence order; a
	 * handler still running at the deadline is {@link Reply#LATE}, and its answer, when it comes, is dropped. The
	 * calling thread never blocks. So a handler that never returns costs an ask its deadline, not its thread.
	 * <p>
	 * A handler that has too many calls still running (it hangs, or is slow under many asks) is {@link Reply#LATE}
	 * at once rather than called again, so it cannot take the implementation's threads from the others. When the
	 * implementation stops, pending promises resolve at once.
	 *
	 * @param deadline how long the ask may take, at most; positive
	 * @return a promise of the replies; it fails with {@link NoSuchServiceName} as {@link #askAround(String, Object)}
	 *         would throw it
	 * @throws NullPointerException if {@code serviceName} or {@code deadline} is {@code null}
	 * @throws IllegalArgumentException if {@code serviceName} is empty or {@code deadline} is not positive
	 * @since 1.1
	 */
	Promise<List<Reply>> askAroundAsync(String serviceName, Object payload, Duration deadline);

	/**
	 * Connects a handler for {@code serviceName}, owned by this bundle: it is registered as a {@link Handler}
	 * service of this bundle, so it disappears when the bundle stops, when the bundle releases this service, or when
	 * the returned connection is closed. Each call is a registration of its own, even for the same handler object.
	 *
	 * @return the connection; close it to disconnect
	 * @throws NullPointerException if an argument is {@code null}
	 * @throws IllegalArgumentException if {@code serviceName} is empty
	 * @throws IllegalStateException if this bundle is not active or the implementation has stopped
	 */
	Connection connect(String serviceName, Handler handler);

	/**
	 * Like {@link #connect(String, Handler)}, with a {@code service.ranking}: handlers of higher ranking are asked
	 * first (the default ranking is 0).
	 */
	Connection connect(String serviceName, Handler handler, int ranking);
}
