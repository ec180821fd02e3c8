package org.partyline.internal;

import java.util.function.BiConsumer;

/**
 * Service name to handler array, for the ask hot path: an open-addressing table read with one volatile load and a
 * probe loop small enough for the JIT to inline (a {@code ConcurrentHashMap.get} is not inlined, and cost a
 * measurable share of an ask with few handlers).
 * <p>
 * Writers (serialised by the caller) replace a name's array in place, a volatile write; adding or removing a name
 * copies the table, O(names), which only happens when a name gets its first handler or loses its last.
 */
final class NameTable {

	/** One name and its handlers, in precedence order. */
	private static final class Slot {
		final String name;
		final int hash;
		volatile HandlerEntry[] entries;

		Slot(String name, HandlerEntry[] entries) {
			this.name = name;
			this.hash = name.hashCode();
			this.entries = entries;
		}
	}

	private volatile Slot[] table = new Slot[16];
	private int size;

	/** @return the handlers of that name, or {@code null} if it has none */
	HandlerEntry[] get(String name) {
		Slot[] slots = table;
		int mask = slots.length - 1;
		int hash = name.hashCode();
		for (int i = hash & mask;; i = (i + 1) & mask) {
			Slot slot = slots[i];
			if (slot == null) {
				return null;
			}
			if (slot.name == name || slot.hash == hash && slot.name.equals(name)) {
				return slot.entries;
			}
		}
	}

	/** Sets the handlers of a name; {@code null} removes the name. Writers only, one at a time. */
	void put(String name, HandlerEntry[] entries) {
		Slot[] slots = table;
		Slot existing = find(slots, name);
		if (existing != null && entries != null) {
			existing.entries = entries;
		} else if (existing != null) {
			size--;
			table = copy(slots.length, existing, null);
		} else if (entries != null) {
			size++;
			int capacity = size * 2 > slots.length ? slots.length * 2 : slots.length;
			table = copy(capacity, null, new Slot(name, entries));
		}
	}

	void forEach(BiConsumer<String, HandlerEntry[]> action) {
		for (Slot slot : table) {
			if (slot != null) {
				action.accept(slot.name, slot.entries);
			}
		}
	}

	private static Slot find(Slot[] slots, String name) {
		int mask = slots.length - 1;
		for (int i = name.hashCode() & mask;; i = (i + 1) & mask) {
			Slot slot = slots[i];
			if (slot == null || slot.name.equals(name)) {
				return slot;
			}
		}
	}

	/** A new table of that capacity with every slot but {@code without}, plus {@code with}. */
	private Slot[] copy(int capacity, Slot without, Slot with) {
		Slot[] copy = new Slot[capacity];
		for (Slot slot : table) {
			if (slot != null && slot != without) {
				place(copy, slot);
			}
		}
		if (with != null) {
			place(copy, with);
		}
		return copy;
	}

	private static void place(Slot[] slots, Slot slot) {
		int mask = slots.length - 1;
		int i = slot.hash & mask;
		while (slots[i] != null) {
			i = (i + 1) & mask;
		}
		slots[i] = slot;
	}
}
