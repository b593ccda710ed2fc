package org.gridlink.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long work run in the background, one job per id (an import, a campaign start): daemon threads, the futures for
 * tests to wait on, and a guard so a job runs at most once at a time in this process, whether it was queued or is
 * run directly. The owner shuts it down with {@link #shutdown()} (e.g. from {@code @PreDestroy}).
 */
@org.springframework.modulith.NamedInterface("api")
public final class JobQueue {

	private final ExecutorService executor;
	private final Map<Long, Future<?>> futures = new ConcurrentHashMap<>();
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	public JobQueue(String threadName, int threads) {
		AtomicInteger n = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads, r -> {
			Thread thread = new Thread(r, threadName + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Queues {@code job} under {@code id}. */
	public void submit(long id, Runnable job) {
		futures.put(id, executor.submit(job));
	}

	/** True when the job is running here or queued and not yet done. */
	public boolean isActive(long id) {
		Future<?> queued = futures.get(id);
		return running.contains(id) || (queued != null && !queued.isDone());
	}

	/** Marks the job as running; false when it already runs (then the caller must not run it). */
	public boolean enter(long id) {
		return running.add(id);
	}

	/** Marks the job as no longer running (in a {@code finally} after {@link #enter}). */
	public void leave(long id) {
		running.remove(id);
	}

	/** The ids of the jobs running now. */
	public List<Long> runningIds() {
		return List.copyOf(running);
	}

	/** Waits for a queued job to end (tests, benchmarks); rethrows what ended it. */
	public void await(long id, long seconds) throws InterruptedException, ExecutionException, TimeoutException {
		Future<?> future = futures.get(id);
		if (future != null) {
			future.get(seconds, TimeUnit.SECONDS);
		}
	}

	public void shutdown() {
		executor.shutdownNow();
	}
}
