package org.gridlink.platform;

/**
 * Hears how the runs of background jobs ({@link JobQueue}) go. Production registers none; a test registers one as a
 * bean to hold a run before it starts or to stop it after a number of committed steps, as a killed process would.
 */
@org.springframework.modulith.NamedInterface("api")
public interface JobListener {

	/** A run of job {@code id} of {@code queue} starts, in the job's thread, before it reads the job. */
	default void starting(String queue, long id) {
	}

	/** A run of job {@code id} of {@code queue} committed its {@code steps}-th step (a batch, a grid) since it started. */
	default void committed(String queue, long id, int steps) {
	}
}
