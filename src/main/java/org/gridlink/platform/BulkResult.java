package org.gridlink.platform;

import java.util.List;

/** Outcome of a bulk upload: rows read, rows accepted, and a report line per rejected row. */
public record BulkResult(int processedRows, int acceptedRows, List<RowError> errors) {

	public int rejectedRows() {
		return (int) errors.stream().mapToLong(RowError::row).distinct().count();
	}
}
