package org.gridlink.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work run in the background, one job per id (an import, a campaign start), the plumbing every module with
 * background jobs shares: daemon threads, resuming the jobs a previous process left unfinished, the futures for
 * tests to wait on, a guard so a job runs at most once at a time in this process (whether it was queued or is run
 * directly), and the committed steps told to the {@link JobListener}s. The job's state, its claim and what a step
 * writes stay with the module that owns the job. Made by {@link JobQueues}, which shuts it down with the
 * application.
 */
@org.springframework.modulith.NamedInterface("api")
public final class JobQueue {

	private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

	private final String name;
	private final LongConsumer work;
	private final List<JobListener> listeners;
	private final ExecutorService executor;
	private final Map<Long, Future<?>> futures = new ConcurrentHashMap<>();
	private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();

	JobQueue(String name, int threads, LongConsumer work, List<JobListener> listeners) {
		this.name = name;
		this.work = work;
		this.listeners = List.copyOf(listeners);
		AtomicInteger n = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads, r -> {
			Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Queues a run of job {@code id}. */
	public void submit(long id) {
		futures.put(id, executor.submit(() -> run(id)));
	}

	/** Queues the jobs of {@code ids} that are neither running nor queued here (after a restart, by a sweep). */
	public void resume(Collection<Long> ids) {
		for (Long id : ids) {
			if (!isActive(id)) {
				LOG.info("Resuming {} job {}", name, id);
				submit(id);
			}
		}
	}

	/** Runs job {@code id} in the calling thread, unless it runs already in this process (then returns at once). */
	public void run(long id) {
		if (running.putIfAbsent(id, new AtomicInteger()) != null) {
			return;
		}
		try {
			listeners.forEach(l -> l.starting(name, id));
			work.accept(id);
		}
		finally {
			running.remove(id);
		}
	}

	/** Tells the listeners that the run of job {@code id} committed one more step (a batch, a grid). */
	public void committed(long id) {
		AtomicInteger steps = running.get(id);
		int done = steps == null ? 0 : steps.incrementAndGet();
		listeners.forEach(l -> l.committed(name, id, done));
	}

	/** True when the job is running here or queued and not yet done. */
	public boolean isActive(long id) {
		Future<?> queued = futures.get(id);
		return running.containsKey(id) || (queued != null && !queued.isDone());
	}

	/** The ids of the jobs running now. */
	public List<Long> runningIds() {
		return List.copyOf(running.keySet());
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
