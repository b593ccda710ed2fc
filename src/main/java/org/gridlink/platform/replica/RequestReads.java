package org.gridlink.platform.replica;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The page request the current thread serves, as far as reading the replica is concerned: set by
 * {@link ReadYourWritesFilter} for the request's duration, absent on every other thread (schedulers, event
 * listeners, start-up), which therefore always use the primary.
 * <p>
 * {@code lastWrite} is the session's last write (kept in the HTTP session, which lives in the database and so is
 * shared by all instances); {@code writing} is true for a request that changes something and becomes true when a
 * write transaction of GridLink commits during a request ({@link WriteTransactions}).
 */
public final class RequestReads {

	public record Context(@Nullable Instant lastWrite, boolean writing) {
	}

	private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

	private RequestReads() {
	}

	public static @Nullable Context current() {
		return CURRENT.get();
	}

	static void begin(@Nullable Instant lastWrite, boolean writing) {
		CURRENT.set(new Context(lastWrite, writing));
	}

	/** A write transaction committed on this thread: the rest of the request reads the primary. */
	static void wrote() {
		Context context = CURRENT.get();
		if (context != null && !context.writing()) {
			CURRENT.set(new Context(context.lastWrite(), true));
		}
	}

	static void end() {
		CURRENT.remove();
	}
}
