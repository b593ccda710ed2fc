package org.gridlink.residents;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its default text format (tab-separated, {@code \N} for null,
 * backslash escapes): the format a plain {@code COPY} reads fastest. Either kept as text ({@link #CopyText(int)}) or
 * streamed to the server while the rows are added ({@link #into}), so that the server works on the first rows while
 * the next ones are rendered, and a batch is never held twice in memory.
 */
final class CopyText implements AutoCloseable {

	private static final int FLUSH_CHARS = 32 * 1024;

	private final StringBuilder text;
	private final @Nullable CopyIn copy;
	private boolean first = true;

	/** Rows kept as text ({@link #toString}). */
	CopyText(int expectedChars) {
		this.text = new StringBuilder(expectedChars);
		this.copy = null;
	}

	private CopyText(CopyIn copy) {
		this.text = new StringBuilder(FLUSH_CHARS + 4096);
		this.copy = copy;
	}

	/**
	 * Starts {@code COPY <target> FROM STDIN} on the connection; rows are sent as they are added, and {@link #finish}
	 * ends it. Closing without finishing cancels it. A row the server refuses (a duplicate key) fails an add or
	 * {@link #finish} with an {@link SQLException}.
	 */
	static CopyText into(Connection connection, String target) throws SQLException {
		return new CopyText(connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN"));
	}

	/** A value (null for SQL NULL), escaped. */
	CopyText add(@Nullable Object value) {
		separate();
		if (value == null) {
			text.append("\\N");
			return this;
		}
		String s = value.toString();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return this;
	}

	/** A value that cannot contain a tab, newline or backslash (numbers, dates, hex, base64, codes), or columns already rendered. */
	CopyText plain(Object value) {
		separate();
		text.append(value);
		return this;
	}

	CopyText endRow() throws SQLException {
		text.append('\n');
		first = true;
		if (copy != null && text.length() >= FLUSH_CHARS) {
			send();
		}
		return this;
	}

	/** Sends the last rows and ends the {@code COPY}; the number of rows copied. */
	long finish() throws SQLException {
		if (copy == null) {
			throw new IllegalStateException("not a COPY");
		}
		send();
		return copy.endCopy();
	}

	@Override
	public void close() throws SQLException {
		if (copy != null && copy.isActive()) {
			copy.cancelCopy();
		}
	}

	/** The rows so far (a row's columns without its end when it is not ended). */
	@Override
	public String toString() {
		return text.toString();
	}

	private void send() throws SQLException {
		if (copy != null && !text.isEmpty()) {
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			text.setLength(0);
		}
	}

	private void separate() {
		if (!first) {
			text.append('\t');
		}
		first = false;
	}
}
