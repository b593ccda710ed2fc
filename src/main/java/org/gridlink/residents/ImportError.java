package org.gridlink.residents;

/**
 * A rejected row of an import: the spreadsheet row (header 1, first data row 2; 0 = the file), the column key, the
 * value (ID numbers and phones masked) and the reason in Chinese and English.
 */
public record ImportError(long row, String column, String value, String reasonZh, String reasonEn) {
}
