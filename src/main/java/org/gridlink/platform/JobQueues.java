package org.gridlink.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link JobQueue}s of the modules, each with the application's {@link JobListener}s, and shuts them all
 * down with the application.
 */
@org.springframework.modulith.NamedInterface("api")
@Component
public class JobQueues {

	private final ObjectProvider<JobListener> listeners;
	private final List<JobQueue> queues = new CopyOnWriteArrayList<>();

	JobQueues(ObjectProvider<JobListener> listeners) {
		this.listeners = listeners;
	}

	/** A queue named {@code name} (its threads' names) running {@code work} for a job id on {@code threads} threads. */
	public JobQueue create(String name, int threads, LongConsumer work) {
		JobQueue queue = new JobQueue(name, threads, work, listeners.orderedStream().toList());
		queues.add(queue);
		return queue;
	}

	@PreDestroy
	void shutdown() {
		queues.forEach(JobQueue::shutdown);
	}
}
