package org.gridlink.platform;

import java.util.List;

/**
 * Outcome of a bulk upload: data rows read, rows accepted, and one report line per problem. Every row read is
 * either accepted or rejected. A problem of the file as a whole is reported on row 0 (the file) or 1 (the header).
 */
@org.springframework.modulith.NamedInterface("api")
public record BulkResult(int processedRows, int acceptedRows, List<RowError> errors) {

	public int rejectedRows() {
		return processedRows - acceptedRows;
	}

	/** True when the file could not be read at all, so nothing in it was looked at row by row. */
	public boolean fileRejected() {
		return processedRows == 0 && !errors.isEmpty();
	}
}
