package org.gridlink.platform;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by each module that keeps sealed values in its tables: it names its sealed columns, counts their values
 * by key id and re-seals, batch by batch, the values not under the current key. Platform's key re-encryption job and
 * the admin's Keys page use only this; the SQL stays in the module (most columns use {@link SealedTextColumn}).
 */
@org.springframework.modulith.NamedInterface("api")
public interface SealedColumns {

	List<Column> sealedColumns();

	/** One sealed column. */
	interface Column {

		/** {@code module.table.column}, e.g. {@code residents.resident.phone_enc}: shown on the Keys page. */
		String name();

		/** The ring whose keys seal the column; its current key is the one the job re-seals to. */
		SealingCipher cipher();

		/** How many values are sealed under each key id. */
		Map<String, Long> countByKeyId();

		/** How many values are sealed under a key other than {@code keyId}. */
		long countNotUnder(String keyId);

		/**
		 * Re-seals with the cipher's current key at most {@code limit} values not under {@code keyId}, of the rows after
		 * {@code after} (the previous batch's {@link Batch#last}, null for the first batch), in the caller's
		 * transaction. A value changed meanwhile by someone else is left alone (it is under the current key already).
		 */
		Batch reseal(String keyId, @Nullable Object after, int limit);
	}

	/**
	 * A batch: how many values were read (fewer than the limit: the column is done), how many re-sealed, and where
	 * the next batch starts (the last row's key), so that a batch does not read again the rows done before it.
	 */
	record Batch(int read, int resealed, @Nullable Object last) {
	}

	/** How many of {@code counts} (values by key id, as {@link Column#countByKeyId}) are under a key other than {@code keyId}. */
	static long notUnder(Map<String, Long> counts, String keyId) {
		return counts.entrySet().stream().filter(e -> !e.getKey().equals(keyId)).mapToLong(Map.Entry::getValue).sum();
	}
}
