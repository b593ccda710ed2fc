package org.gridlink.platform;

/** One problem in an uploaded file: the 1-based data row (header is row 1), the column, and the message. */
public record RowError(long row, String column, String message) {
}
