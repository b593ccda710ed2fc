package org.gridlink.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The brake of a public page without login: at most {@code limit} attempts per client address and per session in a
 * sliding {@code window}, counted in memory on this instance. Enough to stop a script flooding the page from one
 * place; a determined abuser with many addresses needs the proxy's limits.
 */
@org.springframework.modulith.NamedInterface("api")
public final class AttemptLimit {

	private static final int MAX_KEYS = 50_000;

	private final int limit;
	private final Duration window;
	private final Clock clock;
	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	public AttemptLimit(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/** True when another attempt from this address and session is allowed now; it is then counted. */
	public boolean tryAcquire(String address, String session) {
		Instant now = clock.instant();
		if (recent.size() > MAX_KEYS) {
			prune(now);
		}
		synchronized (this) {
			Deque<Instant> byAddress = recent.computeIfAbsent("a:" + address, k -> new ArrayDeque<>());
			Deque<Instant> bySession = recent.computeIfAbsent("s:" + session, k -> new ArrayDeque<>());
			drop(byAddress, now);
			drop(bySession, now);
			if (byAddress.size() >= limit || bySession.size() >= limit) {
				return false;
			}
			byAddress.addLast(now);
			bySession.addLast(now);
			return true;
		}
	}

	/** Forgets every count (tests). */
	public synchronized void reset() {
		recent.clear();
	}

	private void drop(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
			times.removeFirst();
		}
	}

	private synchronized void prune(Instant now) {
		for (Iterator<Map.Entry<String, Deque<Instant>>> it = recent.entrySet().iterator(); it.hasNext();) {
			Deque<Instant> times = it.next().getValue();
			drop(times, now);
			if (times.isEmpty()) {
				it.remove();
			}
		}
	}
}
