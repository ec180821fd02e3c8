package org.partyline.transport.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ProtocolException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format of the bodies of frames: plain values only, each a tag and its content (null, strings, booleans,
 * characters, the JDK's numbers, lists, and maps with string keys), which is all that crosses between nodes. Nothing
 * is deserialised: a reader makes only those JDK values, within limits of nesting and count, and every length is
 * checked against the bytes that are there before anything is allocated. Writing is some twenty times cheaper than
 * Java serialization for the partyline's small maps, and what it cannot write it refuses, naming the type.
 */
final class PlainValues {

	/** As deep as a value may nest (WireValues, the node's side, allows 16). */
	static final int MAX_DEPTH = 32;
	/** How many values one body may hold in all. */
	static final int MAX_VALUES = 100_000;

	private static final byte NULL = 0;
	private static final byte STRING = 1;
	private static final byte TRUE = 2;
	private static final byte FALSE = 3;
	private static final byte CHARACTER = 4;
	private static final byte BYTE = 5;
	private static final byte SHORT = 6;
	private static final byte INTEGER = 7;
	private static final byte LONG = 8;
	private static final byte FLOAT = 9;
	private static final byte DOUBLE = 10;
	private static final byte BIG_INTEGER = 11;
	private static final byte BIG_DECIMAL = 12;
	private static final byte LIST = 13;
	private static final byte MAP = 14;

	private PlainValues() {
	}

	/** A body written by {@code writer}. */
	static byte[] write(Writing writing) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
		try {
			writing.to(new Writer(new DataOutputStream(bytes)));
		} catch (IOException inMemory) {
			throw new UncheckedIOException(inMemory);
		}
		return bytes.toByteArray();
	}

	/** Writes a body's contents. */
	@FunctionalInterface
	interface Writing {
		void to(Writer out) throws IOException;
	}

	/** Writes plain values; anything else is an {@link IllegalArgumentException} naming its type. */
	static final class Writer {

		private final DataOutputStream out;

		private Writer(DataOutputStream out) {
			this.out = out;
		}

		void string(String value) throws IOException {
			byte[] utf8 = value.getBytes(UTF_8);
			out.writeInt(utf8.length);
			out.write(utf8);
		}

		void count(int count) throws IOException {
			out.writeInt(count);
		}

		void value(Object value) throws IOException {
			value(value, 0);
		}

		private void value(Object value, int depth) throws IOException {
			if (depth > MAX_DEPTH) {
				throw new IllegalArgumentException("a value nested deeper than " + MAX_DEPTH + " cannot cross");
			}
			if (value == null) {
				out.writeByte(NULL);
			} else if (value instanceof String text) {
				out.writeByte(STRING);
				string(text);
			} else if (value instanceof Boolean bool) {
				out.writeByte(bool ? TRUE : FALSE);
			} else if (value instanceof Character character) {
				out.writeByte(CHARACTER);
				out.writeChar(character);
			} else if (value instanceof Number number) {
				number(number);
			} else if (value instanceof List<?> list) {
				out.writeByte(LIST);
				out.writeInt(list.size());
				for (Object element : list) {
					value(element, depth + 1);
				}
			} else if (value instanceof Map<?, ?> map) {
				out.writeByte(MAP);
				out.writeInt(map.size());
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					if (!(entry.getKey() instanceof String key)) {
						throw new IllegalArgumentException("a map key of type " + typeOf(entry.getKey())
								+ " cannot cross: keys are strings");
					}
					string(key);
					value(entry.getValue(), depth + 1);
				}
			} else {
				throw new IllegalArgumentException(value.getClass().getName() + " cannot cross: only strings, numbers,"
						+ " booleans, characters, null, lists and maps with string keys do");
			}
		}

		private void number(Number number) throws IOException {
			if (number instanceof Integer i) {
				out.writeByte(INTEGER);
				out.writeInt(i);
			} else if (number instanceof Long l) {
				out.writeByte(LONG);
				out.writeLong(l);
			} else if (number instanceof Double d) {
				out.writeByte(DOUBLE);
				out.writeDouble(d);
			} else if (number instanceof Float f) {
				out.writeByte(FLOAT);
				out.writeFloat(f);
			} else if (number instanceof Short s) {
				out.writeByte(SHORT);
				out.writeShort(s);
			} else if (number instanceof Byte b) {
				out.writeByte(BYTE);
				out.writeByte(b);
			} else if (number instanceof BigInteger big) {
				out.writeByte(BIG_INTEGER);
				bytes(big.toByteArray());
			} else if (number instanceof BigDecimal decimal) {
				out.writeByte(BIG_DECIMAL);
				out.writeInt(decimal.scale());
				bytes(decimal.unscaledValue().toByteArray());
			} else {
				throw new IllegalArgumentException(number.getClass().getName() + " cannot cross: a number of a type"
						+ " of its own");
			}
		}

		private void bytes(byte[] bytes) throws IOException {
			out.writeInt(bytes.length);
			out.write(bytes);
		}

		private static String typeOf(Object value) {
			return value == null ? "null" : value.getClass().getName();
		}
	}

	/** Reads a body; anything malformed, too deep or too many is a {@link ProtocolException}. */
	static final class Reader {

		private final ByteBuffer in;
		private int values;

		Reader(byte[] body) {
			this.in = ByteBuffer.wrap(body);
		}

		String string() throws ProtocolException {
			byte[] utf8 = new byte[length()];
			get(utf8);
			return new String(utf8, UTF_8);
		}

		int count() throws ProtocolException {
			try {
				int count = in.getInt();
				if (count < 0 || count > in.remaining()) { // every value takes a byte at least
					throw new ProtocolException("a count of " + count + " where " + in.remaining() + " bytes are left");
				}
				return count;
			} catch (BufferUnderflowException cut) {
				throw new ProtocolException("a body cut short");
			}
		}

		Object value() throws ProtocolException {
			return value(0);
		}

		/** Whether every byte was read: a body with more than it says is no body of this format. */
		void end() throws ProtocolException {
			if (in.hasRemaining()) {
				throw new ProtocolException(in.remaining() + " bytes after the last value");
			}
		}

		private Object value(int depth) throws ProtocolException {
			if (depth > MAX_DEPTH) {
				throw new ProtocolException("values nested deeper than " + MAX_DEPTH);
			}
			if (++values > MAX_VALUES) {
				throw new ProtocolException("more than " + MAX_VALUES + " values");
			}
			try {
				byte tag = in.get();
				return switch (tag) {
				case NULL -> null;
				case STRING -> string();
				case TRUE -> Boolean.TRUE;
				case FALSE -> Boolean.FALSE;
				case CHARACTER -> in.getChar();
				case BYTE -> in.get();
				case SHORT -> in.getShort();
				case INTEGER -> in.getInt();
				case LONG -> in.getLong();
				case FLOAT -> in.getFloat();
				case DOUBLE -> in.getDouble();
				case BIG_INTEGER -> new BigInteger(bytes());
				case BIG_DECIMAL -> {
					int scale = in.getInt();
					yield new BigDecimal(new BigInteger(bytes()), scale);
				}
				case LIST -> list(depth);
				case MAP -> map(depth);
				default -> throw new ProtocolException("no value has the tag " + tag);
				};
			} catch (BufferUnderflowException cut) {
				throw new ProtocolException("a body cut short");
			} catch (NumberFormatException noNumber) {
				throw new ProtocolException("a malformed number: " + noNumber.getMessage());
			}
		}

		private List<Object> list(int depth) throws ProtocolException {
			int size = count();
			List<Object> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(value(depth + 1));
			}
			return list;
		}

		private Map<String, Object> map(int depth) throws ProtocolException {
			int size = count();
			Map<String, Object> map = new LinkedHashMap<>(Math.max(16, size * 4 / 3 + 1));
			for (int i = 0; i < size; i++) {
				map.put(string(), value(depth + 1));
			}
			return map;
		}

		private byte[] bytes() throws ProtocolException {
			byte[] bytes = new byte[length()];
			get(bytes);
			return bytes;
		}

		/** A length read, checked against what is left, so a lying length allocates nothing. */
		private int length() throws ProtocolException {
			try {
				int length = in.getInt();
				if (length < 0 || length > in.remaining()) {
					throw new ProtocolException("a length of " + length + " where " + in.remaining() + " bytes are left");
				}
				return length;
			} catch (BufferUnderflowException cut) {
				throw new ProtocolException("a body cut short");
			}
		}

		private void get(byte[] into) {
			in.get(into);
		}
	}
}
