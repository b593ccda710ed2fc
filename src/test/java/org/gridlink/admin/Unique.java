package org.gridlink.admin;

import java.util.concurrent.atomic.AtomicInteger;

/** Names no other test uses, since all tests share one database with the demo district. */
final class Unique {

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	private static final AtomicInteger COUNTER = new AtomicInteger();

	private Unique() {
	}

	/** A valid, unused username (or code) starting with {@code prefix}, e.g. {@code imp3kq9x1}. */
	static String name(String prefix) {
		return prefix + RUN + COUNTER.incrementAndGet();
	}
}
