package org.gridlink.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A text column of sealed values ({@link SealedValues}), for a module's {@link SealedColumns}: the module names its
 * table, the table's key columns and the sealed column; counting and re-sealing are the same SQL for every such
 * column. A re-seal writes {@code UPDATE table SET column = new WHERE key = ? AND column = old}, so a value changed
 * meanwhile stays as it is, and two runs (two instances) re-seal a value once. Blank and plain values (e.g. a case's
 * contact typed by staff) are not sealed values and are left alone.
 */
@org.springframework.modulith.NamedInterface("api")
public final class SealedTextColumn implements SealedColumns.Column {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private final String name;
	private final String table;
	private final List<String> keyColumns;
	private final String column;
	private final JdbcClient jdbc;
	private final SealingCipher cipher;

	/**
	 * @param module the owning module, for the column's name
	 * @param table the module's table
	 * @param keyColumns the table's primary key columns
	 * @param column the sealed column
	 */
	public SealedTextColumn(String module, String table, List<String> keyColumns, String column, JdbcClient jdbc,
			SealingCipher cipher) {
		for (String identifier : concat(List.of(table, column), keyColumns)) {
			if (!NAME.matcher(identifier).matches()) {
				throw new IllegalArgumentException("Not an SQL name: " + identifier);
			}
		}
		this.name = module + "." + table + "." + column;
		this.table = table;
		this.keyColumns = List.copyOf(keyColumns);
		this.column = column;
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public SealingCipher cipher() {
		return cipher;
	}

	@Override
	public Map<String, Long> countByKeyId() {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT kid, COUNT(*) FROM (SELECT " + SealedValues.keyIdSql(column) + " AS kid FROM " + table
				+ " WHERE " + SealedValues.sealedSql(column) + ") sealed GROUP BY kid ORDER BY kid")
				.query((ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	@Override
	public long countNotUnder(String keyId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + SealedValues.sealedSql(column) + " AND " + column
				+ " NOT LIKE ?").param(SealedValues.prefix(keyId) + "%").query(Long.class).single();
	}

	@Override
	public SealedColumns.Batch reseal(String keyId, @Nullable Object after, int limit) {
		String keys = String.join(", ", keyColumns);
		List<Object> params = new ArrayList<>();
		params.add(SealedValues.prefix(keyId) + "%");
		String from = "";
		if (after != null) {
			// keyset: only the rows after the previous batch's last row, so no batch reads the done rows again
			Object[] last = (Object[]) after;
			from = keyColumns.size() == 1 ? " AND " + keys + " > ?" : " AND (" + keys + ") > ("
					+ String.join(", ", keyColumns.stream().map(k -> "?").toList()) + ")";
			params.addAll(List.of(last));
		}
		params.add(limit);
		List<Object[]> rows = jdbc.sql("SELECT " + keys + ", " + column + " FROM " + table + " WHERE "
				+ SealedValues.sealedSql(column) + " AND " + column + " NOT LIKE ?" + from + " ORDER BY " + keys
				+ " LIMIT ?").params(params).query(this::row).list();
		String update = "UPDATE " + table + " SET " + column + " = ? WHERE "
				+ String.join(" AND ", keyColumns.stream().map(k -> k + " = ?").toList()) + " AND " + column + " = ?";
		int resealed = 0;
		Object[] lastKey = null;
		for (Object[] row : rows) {
			String old = (String) row[row.length - 1];
			lastKey = java.util.Arrays.copyOf(row, row.length - 1);
			List<Object> values = new ArrayList<>();
			values.add(cipher.reseal(old));
			values.addAll(List.of(lastKey));
			values.add(old);
			resealed += jdbc.sql(update).params(values).update();
		}
		return new SealedColumns.Batch(rows.size(), resealed, lastKey);
	}

	private Object[] row(ResultSet rs, int i) throws SQLException {
		Object[] row = new Object[keyColumns.size() + 1];
		for (int c = 0; c < row.length; c++) {
			row[c] = rs.getObject(c + 1);
		}
		return row;
	}
}
