package org.gridlink.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared plumbing of background jobs, without Spring: one run per job at a time, resume, steps to listeners. */
class JobQueueTest {

	final List<String> heard = new CopyOnWriteArrayList<>();
	final JobListener listener = new JobListener() {
		@Override
		public void starting(String queue, long id) {
			heard.add(queue + " " + id + " starting");
		}

		@Override
		public void committed(String queue, long id, int steps) {
			heard.add(queue + " " + id + " step " + steps);
		}
	};
	final CountDownLatch inside = new CountDownLatch(1);
	final CountDownLatch release = new CountDownLatch(1);
	final AtomicReference<JobQueue> queue = new AtomicReference<>();
	final List<Long> runs = new CopyOnWriteArrayList<>();

	JobQueue queue() {
		JobQueue jobs = new JobQueue("test", 2, id -> {
			runs.add(id);
			queue.get().committed(id);
			queue.get().committed(id);
			if (id == 1) {
				inside.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, List.of(listener));
		queue.set(jobs);
		return jobs;
	}

	@AfterEach
	void stop() {
		release.countDown();
		queue.get().shutdown();
	}

	@Test
	void aJobRunsAtMostOnceAtATimeAndTheListenersHearItsSteps() throws Exception {
		JobQueue jobs = queue();
		jobs.submit(1);
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(jobs.isActive(1)).isTrue();
		assertThat(jobs.runningIds()).containsExactly(1L);
		jobs.run(1); // already running: returns at once
		jobs.resume(List.of(1L, 2L)); // 1 is active, only 2 is queued
		jobs.await(2, 10);
		release.countDown();
		jobs.await(1, 10);
		assertThat(runs).containsExactlyInAnyOrder(1L, 2L);
		assertThat(heard).contains("test 1 starting", "test 1 step 1", "test 1 step 2", "test 2 starting",
				"test 2 step 1", "test 2 step 2");
		assertThat(jobs.isActive(1)).isFalse();

		jobs.run(2); // a new run counts its steps from one again
		assertThat(heard.subList(heard.size() - 3, heard.size())).containsExactly("test 2 starting",
				"test 2 step 1", "test 2 step 2");
	}
}
