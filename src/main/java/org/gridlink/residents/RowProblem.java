package org.gridlink.residents;

/** What is wrong with one cell of an import row: the value is already masked where it is personal data. */
record RowProblem(long rowNumber, String column, String value, String messageKey, Object... arguments) {
}
