package org.partyline.transport.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * One call a peer made: read from its frame through the filter, the exported method invoked, the answer (or why
 * there is none) made into a frame. A failure here is the call's, never the connection's.
 */
final class ServedCall {

	private static final int MAX_REASON = 2000;

	private final Map<String, ExportedService> exports;

	ServedCall(Map<String, ExportedService> exports) {
		this.exports = exports;
	}

	/** The frame answering a call frame. */
	Frame answer(Frame call) {
		try {
			Object result = invoke(call.body());
			return new Frame(call.call(), Frame.ANSWER, WireStreams.write(out -> out.writeObject(result)));
		} catch (InvocationTargetException failed) {
			return failure(call, "the service failed: " + failed.getCause());
		} catch (IOException | ReflectiveOperationException | RuntimeException refused) {
			// a refused class (InvalidClassException), an answer that cannot cross, no such service or method
			return failure(call, refused.toString());
		}
	}

	private Object invoke(byte[] body) throws IOException, ReflectiveOperationException {
		try (ObjectInputStream in = WireStreams.reading(body)) {
			String service = in.readUTF();
			String methodKey = in.readUTF();
			Object[] arguments = new Object[in.readInt()];
			ExportedService exported = exports.get(service);
			Method method = exported == null ? null : exported.method(methodKey);
			if (method == null || method.getParameterCount() != arguments.length) {
				throw new NoSuchMethodException(service + " exports no " + methodKey);
			}
			for (int i = 0; i < arguments.length; i++) {
				arguments[i] = in.readObject();
			}
			return method.invoke(exported.service(), arguments);
		}
	}

	/** A failure frame saying why, cut to a length any stream can write. */
	static Frame failure(Frame call, String why) {
		String said = why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why;
		try {
			return new Frame(call.call(), Frame.FAILURE, WireStreams.write(out -> out.writeUTF(said)));
		} catch (IOException cannot) {
			throw new IllegalStateException("writing a string to memory", cannot);
		}
	}
}
