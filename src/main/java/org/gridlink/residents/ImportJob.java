package org.gridlink.residents;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A residents import as its owner sees it. {@code processedRows} counts the data rows read through the last
 * committed batch, each either accepted or rejected; {@code messageKey} names a problem with the file as a whole.
 */
public record ImportJob(long id, String filename, String username, ImportStatus status, @Nullable Integer totalRows,
		int processedRows,
		int acceptedRows, int rejectedRows, @Nullable String messageKey, OffsetDateTime createdAt,
		@Nullable OffsetDateTime finishedAt) {

	/** Progress in percent: 100 when finished, an estimate while running (0 when the total is unknown). */
	public int percent() {
		if (status.finished()) {
			return 100;
		}
		if (totalRows == null || totalRows <= 0) {
			return 0;
		}
		return Math.min(99, (int) (processedRows * 100L / totalRows));
	}
}
