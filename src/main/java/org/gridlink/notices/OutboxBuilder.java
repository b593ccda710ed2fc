package org.gridlink.notices;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.gridlink.platform.AccountEmails;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.JobQueue;
import org.gridlink.platform.JobQueues;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.quarantine.QuarantineRecipients;
import org.gridlink.residents.ResidentRecipients;
import org.gridlink.residents.ResidentRecipients.Place;
import org.gridlink.residents.ResidentRecipients.RecipientFilter;
import org.gridlink.residents.ResidentRecipients.Selection;
import org.gridlink.jurisdiction.BuildingDirectory;
import org.gridlink.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Builds a sending notice's outbox: one row per recipient and channel, written on a connection of its own in one
 * transaction. The residents' SMS rows are one set-based {@code INSERT … SELECT} of the residents module's query of
 * distinct phones; staff, groups and quarantine recipients are written by COPY on PostgreSQL and batched INSERT
 * elsewhere. Phones are collapsed to one message per notice. The transaction also marks
 * the notice {@code outbox_built}, under a row lock: a build stopped half-way leaves nothing, and the job is resumed
 * at start-up and by the sender's sweep.
 */
@Component
class OutboxBuilder {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxBuilder.class);
	static final String COLUMNS = "notice_id, channel, state, urgent, jurisdiction_code, recipient_id, name, phone_hash,"
			+ " phone_enc, not_before";
	private static final int BATCH = 5_000;

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final ResidentRecipients residents;
	private final QuarantineRecipients quarantine;
	private final AccountEmails emails;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final Clock clock;
	private final JobQueue queue;
	private final boolean postgres;
	private final BuildingDirectory buildings;

	OutboxBuilder(DataSource dataSource, JdbcClient jdbc, ResidentRecipients residents, QuarantineRecipients quarantine,
			Accounts accounts, AccountEmails emails, PersonalDataCipher cipher, Clock clock, JobQueues queues,
			BuildingDirectory buildings) {
		this.buildings = buildings;
		this.emails = emails;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.residents = residents;
		this.quarantine = quarantine;
		this.accounts = accounts;
		this.cipher = cipher;
		this.clock = clock;
		this.queue = queues.create("notice-outbox", 1, this::build);
		this.postgres = isPostgres(dataSource);
	}

	/** Queues the build once the current transaction commits. */
	void submitAfterCommit(long noticeId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					queue.submit(noticeId);
				}
			});
		}
		else {
			queue.submit(noticeId);
		}
	}

	JobQueue queue() {
		return queue;
	}

	/** Queues the builds a stopped process left undone. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeAll() {
		queue.resume(jdbc.sql("SELECT id FROM notice WHERE status = 'SENDING' AND outbox_built = FALSE ORDER BY id")
				.query(Long.class).list());
	}

	/** Builds the outbox of notice {@code id} unless it is built (or not sending); returns the rows written. */
	long build(long id) {
		long started = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				long rows = buildIn(c, id);
				c.commit();
				if (rows >= 0) {
					LOG.info("Notice {}: outbox of {} rows built in {} ms", id, rows, (System.nanoTime() - started) / 1_000_000);
					analyzeAfterBulkLoad(rows);
					queue.committed(id);
				}
				return rows;
			}
			catch (SQLException | RuntimeException ex) {
				c.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Building the outbox of notice " + id + " failed", ex);
		}
	}

	private long buildIn(Connection c, long id) throws SQLException {
		NoticeRow n;
		try (PreparedStatement lock = c.prepareStatement("SELECT status, outbox_built, jurisdictions, tags, quarantine,"
				+ " staff_roles, unit_id, channels, urgent, send_at FROM notice WHERE id = ? FOR UPDATE")) {
			lock.setLong(1, id);
			try (ResultSet rs = lock.executeQuery()) {
				if (!rs.next() || !"SENDING".equals(rs.getString(1)) || rs.getBoolean(2)) {
					return -1;
				}
				n = new NoticeRow(Notices.split(rs.getString(3)), Notices.split(rs.getString(4)), rs.getBoolean(5),
						Notices.split(rs.getString(6)), (Long) rs.getObject(7, Long.class), Notices.split(rs.getString(8)),
						rs.getBoolean(9), rs.getObject(10, OffsetDateTime.class));
			}
		}
		for (String part : Notices.QUEUED_AND_NOT) {
			try (PreparedStatement clear = c.prepareStatement("DELETE FROM notice_outbox o WHERE o.notice_id = ?" + part)) {
				clear.setLong(1, id);
				clear.executeUpdate();
			}
		}
		OffsetDateTime notBefore = n.sendAt() == null ? OffsetDateTime.now(clock) : n.sendAt();
		// read before the COPY starts: no other statement may run on the connection while it is open
		List<Object[]> groups = new java.util.ArrayList<>();
		if (n.channels().contains("GROUP")) {
			try (PreparedStatement select = c.prepareStatement("SELECT id, jurisdiction_code FROM notice_group_webhook"
					+ " WHERE " + Scope.of(n.jurisdictions()).sqlCondition("jurisdiction_code") + " ORDER BY id");
					ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					groups.add(new Object[] { rs.getLong(1), rs.getString(2) });
				}
			}
		}
		long written;
		try (RowWriter out = postgres ? new CopyWriter(c) : new BatchWriter(c)) {
			if (n.channels().contains("INBOX")) {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				n.staffRoles().forEach(r -> roles.add(Role.valueOf(r)));
				Scope audience = Scope.of(n.jurisdictions());
				for (AccountView staff : accounts.staffWithin(roles, n.unitId(), audience)) {
					// counted under the place that made them a recipient, not a wider one they also hold
					String place = staff.scope().stream().filter(audience::covers).sorted().findFirst()
							.orElse(n.jurisdictions().get(0));
					out.row(id, "INBOX", n.urgent(), place, staff.id(), staff.displayName(), null, null, notBefore);
				}
			}
			if (n.channels().contains("SMS") && n.quarantine()) {
				// the people under home quarantine (few): their phones are hashed here to collapse duplicates; the
				// residents' rows are one INSERT … SELECT below, once the COPY is closed
				LongSet phones = new LongSet();
				quarantine.atHome(n.jurisdictions(), p -> {
					if (p.phoneSealed() == null) {
						return;
					}
					String hash = cipher.lookupHash(PhoneNumber.normalise(cipher.decrypt(p.phoneSealed())));
					if (phones.add(hash)) {
						out.row(id, "SMS", n.urgent(), p.gridCode(), p.personId(), p.name(), hash, p.phoneSealed(),
								notBefore);
					}
				});
			}
			if (n.channels().contains("EMAIL")) {
				// the same staff as the inbox, those with an e-mail address
				Set<Role> roles = EnumSet.noneOf(Role.class);
				n.staffRoles().forEach(r -> roles.add(Role.valueOf(r)));
				Scope audience = Scope.of(n.jurisdictions());
				for (AccountView staff : accounts.staffWithin(roles, n.unitId(), audience)) {
					if (emails.has(staff.id())) {
						String place = staff.scope().stream().filter(audience::covers).sorted().findFirst()
								.orElse(n.jurisdictions().get(0));
						out.row(id, "EMAIL", n.urgent(), place, staff.id(), staff.displayName(), null, null, notBefore);
					}
				}
			}
			for (Object[] group : groups) {
				// one row per work-chat group inside the notice's places; no person, no phone
				out.row(id, "GROUP", n.urgent(), (String) group[1], (Long) group[0], null, null, null, notBefore);
			}
			written = out.finish();
		}
		if (n.channels().contains("SMS") && !n.quarantine()) {
			written += insertResidents(c, id, n.urgent(), notBefore);
		}
		try (PreparedStatement done = c.prepareStatement(
				"UPDATE notice SET outbox_built = TRUE, recipients = ?, version = version + 1 WHERE id = ?")) {
			done.setLong(1, written);
			done.setLong(2, id);
			done.executeUpdate();
		}
		return written;
	}

	/**
	 * One SMS row per distinct phone of the residents the notice reaches, set-based in the database: the residents
	 * module's query of the recipients (id, name, grid, phone lookup hash, sealed phone: the phone stays as sealed as
	 * it is stored) feeds one {@code INSERT … SELECT} on the build's connection, so no resident is read into Java.
	 */
	private long insertResidents(Connection c, long id, boolean urgent, OffsetDateTime notBefore) throws SQLException {
		Selection recipients = residents.distinctPhones(residentFilter(id));
		if (postgres) {
			// the collapse of duplicate phones sorts every recipient: in memory rather than in temporary files
			try (Statement memory = c.createStatement()) {
				memory.execute("SET LOCAL work_mem = '" + SORT_MEMORY + "'");
			}
		}
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO notice_outbox (" + COLUMNS + ")"
				+ " SELECT CAST(? AS BIGINT), 'SMS', 'QUEUED', ?, r.grid_code, r.id, r.name, r.phone_hash, r.phone_enc, ?"
				+ " FROM (" + recipients.sql() + ") r")) {
			insert.setLong(1, id);
			insert.setBoolean(2, urgent);
			insert.setObject(3, notBefore);
			for (int i = 0; i < recipients.params().size(); i++) {
				insert.setObject(i + 4, recipients.params().get(i));
			}
			return insert.executeUpdate();
		}
	}

	/** The sort memory of the build's transaction on PostgreSQL (the server's default is 4 MB). */
	static final String SORT_MEMORY = "128MB";

	/**
	 * Whom a notice reaches where they live, for the outbox and the printed lists: its places (with its tags), the
	 * households at its compounds and buildings (looked up again by id: names as the households record them), and the
	 * key persons' households fixed when it was written.
	 */
	RecipientFilter residentFilter(long noticeId) {
		return jdbc.sql("SELECT jurisdictions, tags, compounds, buildings FROM notice WHERE id = ?").param(noticeId)
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
				.optional()
				.map(n -> new RecipientFilter(Notices.split(n[0]), Notices.split(n[1]),
						places(Notices.ids(n[2]), Notices.ids(n[3])),
						jdbc.sql("SELECT household_id FROM notice_household WHERE notice_id = ? ORDER BY household_id")
								.param(noticeId).query(Long.class).list()))
				.orElseThrow(() -> new org.gridlink.platform.NotFoundException("notices.not.found",
						String.valueOf(noticeId)));
	}

	private List<Place> places(List<Long> compoundIds, List<Long> buildingIds) {
		List<Place> places = new java.util.ArrayList<>();
		buildings.compounds(compoundIds).forEach(c -> places.add(new Place(c.gridCode(), c.name(), "")));
		buildings.buildings(buildingIds).forEach(b -> places.add(new Place(b.gridCode(), b.compound(), b.name())));
		return places;
	}

	record NoticeRow(List<String> jurisdictions, List<String> tags, boolean quarantine, List<String> staffRoles,
			@Nullable Long unitId, List<String> channels, boolean urgent, @Nullable OffsetDateTime sendAt) {
	}

	/** Writes outbox rows; a failure inside the recipient stream surfaces as an unchecked exception. */
	interface RowWriter extends AutoCloseable {

		void row(long noticeId, String channel, boolean urgent, String place, long recipientId, @Nullable String name,
				@Nullable String phoneHash, @Nullable String phoneSealed, OffsetDateTime notBefore);

		long finish() throws SQLException;

		@Override
		void close() throws SQLException;
	}

	/** PostgreSQL: {@code COPY notice_outbox (...) FROM STDIN} in text format, streamed in chunks. */
	static final class CopyWriter implements RowWriter {

		private final CopyIn copy;
		private final StringBuilder text = new StringBuilder(64 * 1024);
		private long rows;

		CopyWriter(Connection c) throws SQLException {
			this.copy = c.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("COPY notice_outbox (" + COLUMNS + ") FROM STDIN");
		}

		@Override
		public void row(long noticeId, String channel, boolean urgent, String place, long recipientId,
				@Nullable String name, @Nullable String phoneHash, @Nullable String phoneSealed,
				OffsetDateTime notBefore) {
			text.append(noticeId).append('\t').append(channel).append("\tQUEUED\t").append(urgent ? 't' : 'f')
					.append('\t').append(place).append('\t').append(recipientId).append('\t');
			escaped(name);
			text.append('\t').append(phoneHash == null ? "\\N" : phoneHash).append('\t')
					.append(phoneSealed == null ? "\\N" : phoneSealed).append('\t').append(notBefore).append('\n');
			rows++;
			if (text.length() >= 60 * 1024) {
				flush();
			}
		}

		private void escaped(@Nullable String value) {
			if (value == null) {
				text.append("\\N");
				return;
			}
			for (int i = 0; i < value.length(); i++) {
				char ch = value.charAt(i);
				switch (ch) {
					case '\\' -> text.append("\\\\");
					case '\t' -> text.append("\\t");
					case '\n' -> text.append("\\n");
					case '\r' -> text.append("\\r");
					default -> text.append(ch);
				}
			}
		}

		private void flush() {
			try {
				byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
				text.setLength(0);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY into notice_outbox failed", ex);
			}
		}

		@Override
		public long finish() throws SQLException {
			flush();
			copy.endCopy();
			return rows;
		}

		@Override
		public void close() throws SQLException {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/** Other databases (H2): batched INSERT. */
	static final class BatchWriter implements RowWriter {

		private final PreparedStatement insert;
		private int pending;
		private long rows;

		BatchWriter(Connection c) throws SQLException {
			this.insert = c.prepareStatement("INSERT INTO notice_outbox (" + COLUMNS
					+ ") VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?)");
		}

		@Override
		public void row(long noticeId, String channel, boolean urgent, String place, long recipientId,
				@Nullable String name, @Nullable String phoneHash, @Nullable String phoneSealed,
				OffsetDateTime notBefore) {
			try {
				insert.setLong(1, noticeId);
				insert.setString(2, channel);
				insert.setBoolean(3, urgent);
				insert.setString(4, place);
				insert.setLong(5, recipientId);
				insert.setString(6, name);
				insert.setString(7, phoneHash);
				insert.setString(8, phoneSealed);
				insert.setObject(9, notBefore);
				insert.addBatch();
				rows++;
				if (++pending >= BATCH) {
					insert.executeBatch();
					pending = 0;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Writing the outbox failed", ex);
			}
		}

		@Override
		public long finish() throws SQLException {
			if (pending > 0) {
				insert.executeBatch();
			}
			return rows;
		}

		@Override
		public void close() throws SQLException {
			insert.close();
		}
	}

	/** A set of phones by the first 64 bits of their keyed hash (collisions are negligible at a district's size). */
	static final class LongSet {

		private long[] slots = new long[1 << 12];
		private boolean zero;
		private int size;

		boolean add(String hexHash) {
			long key = Long.parseUnsignedLong(hexHash.substring(0, 16), 16);
			if (key == 0) {
				boolean added = !zero;
				zero = true;
				return added;
			}
			if (size * 2 >= slots.length) {
				grow();
			}
			return insert(slots, key);
		}

		private boolean insert(long[] table, long key) {
			int mask = table.length - 1;
			int i = (int) (key ^ (key >>> 32)) & mask;
			while (table[i] != 0) {
				if (table[i] == key) {
					return false;
				}
				i = (i + 1) & mask;
			}
			table[i] = key;
			if (table == slots) {
				size++;
			}
			return true;
		}

		private void grow() {
			long[] old = slots;
			slots = new long[old.length * 2];
			size = 0;
			for (long key : old) {
				if (key != 0) {
					insert(slots, key);
				}
			}
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Rows after whose bulk load the outbox's planner statistics are refreshed at once. */
	static final long ANALYZE_AFTER_ROWS = 10_000;

	/**
	 * After a large outbox was loaded, PostgreSQL's planner still believes the table's old statistics until autovacuum
	 * gets round to it (minutes on a busy machine): it then takes the {@code (state, channel, id)} index as selective
	 * for {@code state = 'QUEUED'} and scans all the queued rows in every claim of 100 (0.3 s per claim at 600,000
	 * queued rows, bench/RESULTS.md). {@code ANALYZE} right after the load (a sample, about a second) avoids that.
	 */
	void analyzeAfterBulkLoad(long rows) {
		if (!postgres || rows < ANALYZE_AFTER_ROWS) {
			return;
		}
		long started = System.nanoTime();
		try {
			jdbc.sql("ANALYZE notice_outbox").update();
			LOG.info("Outbox statistics refreshed after {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			LOG.warn("ANALYZE notice_outbox failed; autovacuum will refresh the statistics later", ex);
		}
	}
}
