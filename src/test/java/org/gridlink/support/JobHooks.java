package org.gridlink.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gridlink.platform.JobListener;
import org.springframework.stereotype.Component;

/**
 * The tests' hooks into background jobs (picked up by component scanning of the test classpath): {@link #hold} keeps
 * a queue's next runs waiting before they read their job, {@link #crashAfter} stops a queue's runs after a number of
 * committed steps with {@link SimulatedCrash}, as a killed process would. {@link #reset} in {@code @AfterEach}.
 */
@Component
public class JobHooks implements JobListener {

	/** Stops a run as a killed process would: an {@link Error}, so the job's own failure handling does not see it. */
	public static final class SimulatedCrash extends Error {
		SimulatedCrash(String queue, long id) {
			super("simulated crash of " + queue + " job " + id);
		}
	}

	private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
	private final Map<String, Integer> crashes = new ConcurrentHashMap<>();

	/** The runs of {@code queue} wait (at most a minute) until the returned latch is counted down. */
	public CountDownLatch hold(String queue) {
		CountDownLatch latch = new CountDownLatch(1);
		holds.put(queue, latch);
		return latch;
	}

	/** The runs of {@code queue} stop with {@link SimulatedCrash} once they committed {@code steps} steps. */
	public void crashAfter(String queue, int steps) {
		crashes.put(queue, steps);
	}

	/** No hold, no crash. */
	public void reset() {
		holds.values().forEach(CountDownLatch::countDown);
		holds.clear();
		crashes.clear();
	}

	@Override
	public void starting(String queue, long id) {
		CountDownLatch latch = holds.get(queue);
		try {
			if (latch != null && !latch.await(1, TimeUnit.MINUTES)) {
				throw new IllegalStateException("hold on " + queue + " job " + id + " not released within a minute");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void committed(String queue, long id, int steps) {
		Integer limit = crashes.get(queue);
		if (limit != null && steps >= limit) {
			throw new SimulatedCrash(queue, id);
		}
	}
}
