package org.partyline.transport.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ProtocolException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The calls a peer makes: each read from its frame (plain values only, {@link PlainValues}), the exported method
 * invoked, the answer (or
 * why there is none) made into a frame. A method that answers later (it returns a {@link CompletionStage}) is invoked
 * at once on the connection's reading thread, as it must not block, and answered from the thread that completes it:
 * no thread waits for it. Any other method runs on a worker. A failure here is the call's, never the connection's.
 */
final class ServedCall {

	private static final int MAX_REASON = 2000;

	private final Map<String, ExportedService> exports;

	ServedCall(Map<String, ExportedService> exports) {
		this.exports = exports;
	}

	/** Serves one call frame; {@code answer} gets its answer frame, on whichever thread has it. */
	void serve(Frame call, Executor workers, int workersAtMost, Consumer<Frame> answer) {
		Invocation invocation;
		try {
			invocation = read(call.body());
		} catch (ProtocolException | ReflectiveOperationException | RuntimeException refused) {
			// a malformed body, no such service or method
			answer.accept(failure(call, refused.toString()));
			return;
		}
		if (CompletionStage.class.isAssignableFrom(invocation.method().getReturnType())) {
			answerLater(call, invocation, answer);
			return;
		}
		try {
			workers.execute(() -> answer.accept(answerNow(call, invocation)));
		} catch (RejectedExecutionException busy) {
			answer.accept(failure(call, "the node is busy: " + workersAtMost + " calls at once"));
		}
	}

	private static Frame answerNow(Frame call, Invocation invocation) {
		try {
			return answered(call, invocation.invoke());
		} catch (InvocationTargetException failed) {
			return failure(call, "the service failed: " + failed.getCause());
		} catch (ReflectiveOperationException | RuntimeException refused) {
			return failure(call, refused.toString());
		}
	}

	private static void answerLater(Frame call, Invocation invocation, Consumer<Frame> answer) {
		CompletionStage<?> later;
		try {
			later = (CompletionStage<?>) invocation.invoke();
		} catch (InvocationTargetException failed) {
			answer.accept(failure(call, "the service failed: " + failed.getCause()));
			return;
		} catch (ReflectiveOperationException | RuntimeException refused) {
			answer.accept(failure(call, refused.toString()));
			return;
		}
		if (later == null) {
			answer.accept(failure(call, "the service answered no CompletionStage"));
			return;
		}
		later.whenComplete((value, failed) -> answer.accept(failed == null ? answered(call, value)
				: failure(call, "the service failed: " + (failed instanceof CompletionException && failed.getCause()
						!= null ? failed.getCause() : failed))));
	}

	private static Frame answered(Frame call, Object value) {
		try {
			return new Frame(call.call(), Frame.ANSWER, PlainValues.write(out -> out.value(value)));
		} catch (IllegalArgumentException cannotCross) {
			return failure(call, "the answer " + cannotCross.getMessage());
		}
	}

	private Invocation read(byte[] body) throws ProtocolException, NoSuchMethodException {
		PlainValues.Reader in = new PlainValues.Reader(body);
		String service = in.string();
		String methodKey = in.string();
		Object[] arguments = new Object[in.count()];
		ExportedService exported = exports.get(service);
		Method method = exported == null ? null : exported.method(methodKey);
		if (method == null || method.getParameterCount() != arguments.length) {
			throw new NoSuchMethodException(service + " exports no " + methodKey);
		}
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = in.value();
		}
		in.end();
		return new Invocation(exported.service(), method, arguments);
	}

	/** A failure frame saying why, cut to a length worth sending. */
	static Frame failure(Frame call, String why) {
		String said = why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why;
		return new Frame(call.call(), Frame.FAILURE, PlainValues.write(out -> out.string(said)));
	}

	/** A call read: the method of an exported service, with its arguments. */
	private record Invocation(Object service, Method method, Object[] arguments) {

		Object invoke() throws ReflectiveOperationException {
			return method.invoke(service, arguments);
		}
	}
}
