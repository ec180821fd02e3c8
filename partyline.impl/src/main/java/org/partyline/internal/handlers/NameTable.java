package org.partyline.internal.handlers;

import java.util.function.BiConsumer;

/**
 * Service name to handler array, for the ask hot path: an open-addressing table read with one volatile load and a
 * probe loop small enough for the JIT to inline (a {@code ConcurrentHashMap.get} is not inlined, and cost a
 * measurable share of an ask with few handlers).
 * <p>
 * Writers (serialised by the caller) change the table in place, so that readers never lock: a name's array is
 * replaced with one volatile write; a new name goes into an empty slot, published by writing the table field again;
 * a name that loses its last handler keeps its slot, emptied, so probes for other names still pass over it. Only
 * growing, or dropping emptied slots once they are the majority, copies the table: O(1) amortised per change, where
 * a copy per change made registering or withdrawing thousands of names quadratic.
 */
final class NameTable {

	private static final int MIN_CAPACITY = 16;

	/** One name and its handlers, in precedence order; {@code null} entries: the name has no handler now. */
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

	private volatile Slot[] table = new Slot[MIN_CAPACITY];
	/** Slots taken, emptied ones included; writers only. */
	private int used;
	/** Slots whose name has handlers; writers only. */
	private int live;

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
		Slot existing = find(table, name);
		if (existing != null) {
			boolean had = existing.entries != null;
			existing.entries = entries;
			live += (entries != null ? 1 : 0) - (had ? 1 : 0);
			if (used - live > used / 2 && used > MIN_CAPACITY / 2) {
				table = compacted(0); // mostly emptied slots: probes would walk through them
			}
		} else if (entries != null) {
			if ((used + 1) * 2 > table.length) {
				table = compacted(1);
			}
			Slot[] slots = table;
			place(slots, new Slot(name, entries));
			used++;
			live++;
			table = slots; // the volatile write that makes the new slot visible to every later read
		}
	}

	void forEach(BiConsumer<String, HandlerEntry[]> action) {
		for (Slot slot : table) {
			HandlerEntry[] entries = slot == null ? null : slot.entries;
			if (entries != null) {
				action.accept(slot.name, entries);
			}
		}
	}

	/** Slots in the table, emptied ones included: for tests of the bookkeeping. */
	int capacity() {
		return table.length;
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

	/** A new table with the names that have handlers, at most half full after {@code room} more names. */
	private Slot[] compacted(int room) {
		int capacity = MIN_CAPACITY;
		while (capacity < (live + room) * 2) {
			capacity *= 2;
		}
		Slot[] copy = new Slot[capacity];
		for (Slot slot : table) {
			if (slot != null && slot.entries != null) {
				place(copy, slot);
			}
		}
		used = live;
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
