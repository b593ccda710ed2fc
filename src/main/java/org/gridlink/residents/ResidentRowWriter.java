package org.gridlink.residents;

import java.util.List;

/**
 * Inserts or updates (by district and ID number hash) a batch of residents inside the caller's transaction. The
 * batch holds each ID number at most once. {@link BatchResidentRowWriter} works on every database;
 * {@link CopyResidentRowWriter} is PostgreSQL's fast path.
 */
interface ResidentRowWriter {

	/** Writes the rows; true when every one of them was inserted as a new resident (none updated). */
	boolean upsert(List<StoredResident> rows);
}
