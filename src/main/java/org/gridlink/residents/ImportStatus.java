package org.gridlink.residents;

/**
 * Where a residents import stands. QUEUED and RUNNING jobs are resumed when the application starts and by a
 * periodic sweep, by the one instance that claims them (see {@code ImportRunner}).
 */
public enum ImportStatus {
	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}
}
