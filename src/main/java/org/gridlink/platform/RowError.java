package org.gridlink.platform;

/**
 * One problem in an uploaded file: the row as a spreadsheet numbers it (the header is row 1, the first data row 2;
 * 0 means the file as a whole), the column (empty when no single column is at fault), and the message.
 */
@org.springframework.modulith.NamedInterface("api")
public record RowError(long row, String column, String message) {
}
