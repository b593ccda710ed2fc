package org.gridlink.platform;

import java.util.List;
import java.util.function.LongConsumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Makes the {@link JobQueue}s of the modules, each with the application's {@link JobListener}s. */
@Component
public class JobQueues {

	private final ObjectProvider<JobListener> listeners;

	JobQueues(ObjectProvider<JobListener> listeners) {
		this.listeners = listeners;
	}

	/** A queue named {@code name} (its threads' names) running {@code work} for a job id on {@code threads} threads. */
	public JobQueue create(String name, int threads, LongConsumer work) {
		List<JobListener> all = listeners.orderedStream().toList();
		return new JobQueue(name, threads, work, all);
	}
}
