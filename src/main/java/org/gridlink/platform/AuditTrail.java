package org.gridlink.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail. It is append-only: this class only inserts and reads, and no other code touches
 * {@code audit_entry}. Reading is for auditors only (separation of duties: the system admin cannot). It is
 * tamper-evident: each entry carries the previous entry's hash and its own ({@link AuditChain}); an append locks the
 * one row of {@code audit_chain_head} until its transaction ends, so concurrent writers (on any instance) never fork
 * the chain, and {@link #verify} finds the first broken link.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class AuditTrail {

	public static final String SUCCESS = "SUCCESS";
	public static final String FAILURE = "FAILURE";
	public static final String DENIED = "DENIED";

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");
	private static final String SELECT = """
			SELECT id, occurred_at, username, action, subject_type, subject, outcome, ip, detail
			FROM audit_entry""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final TransactionTemplate ownTransactions;
	private final @Nullable JdbcTemplate batch;

	/** Without a {@link JdbcTemplate} (a test's second instance): {@link #appendAll} inserts one entry at a time. */
	AuditTrail(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this(jdbc, null, clock, transactionManager);
	}

	@org.springframework.beans.factory.annotation.Autowired
	AuditTrail(JdbcClient jdbc, @Nullable JdbcTemplate batch, Clock clock, PlatformTransactionManager transactionManager) {
		this.batch = batch;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.ownTransactions = new TransactionTemplate(transactionManager);
		this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records an action of the signed-in user (or anonymous) of the current request. */
	public void record(String action, @Nullable String subjectType, @Nullable String subject, String outcome,
			@Nullable String detail) {
		String username = CurrentUsers.find().map(CurrentUser::username).orElse(null);
		recordAs(username, action, subjectType, subject, outcome, detail);
	}

	/** Records an action on behalf of a named user, e.g. a failed login where nobody is signed in yet. */
	public void recordAs(@Nullable String username, String action, @Nullable String subjectType,
			@Nullable String subject, String outcome, @Nullable String detail) {
		OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		String user = truncate(username, 64);
		String about = truncate(subject, 200);
		String ip = truncate(currentIp(), 64);
		String text = truncate(detail, 2000);
		// in the caller's transaction if there is one (the entry goes with the change it records), else in its own; a
		// read-only transaction (an export, a page read on the replica) changes nothing: the entry goes in its own
		TransactionTemplate template = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? ownTransactions
				: transactions;
		template.executeWithoutResult(status -> {
			String previous = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
				.query(String.class).single();
			String hash = AuditChain.link(previous, at, user, action, subjectType, about, outcome, ip, text);
			jdbc.sql("""
					INSERT INTO audit_entry (occurred_at, username, action, subject_type, subject, outcome, ip, detail,
					  prev_hash, entry_hash)
					VALUES (:at, :username, :action, :subjectType, :subject, :outcome, :ip, :detail, :prev, :hash)""")
				.param("at", at)
				.param("username", user)
				.param("action", action)
				.param("subjectType", subjectType)
				.param("subject", about)
				.param("outcome", outcome)
				.param("ip", ip)
				.param("detail", text)
				.param("prev", previous)
				.param("hash", hash)
				.update();
			jdbc.sql("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1").param(hash).update();
		});
	}

	/**
	 * One entry to append with {@link #appendAll}: as {@link #recordAs}, with the client address taken by the caller
	 * (see {@link #requestAddress()}), so that entries gathered from several requests can be written by another thread.
	 */
	public record Append(@Nullable String username, String action, @Nullable String subjectType,
			@Nullable String subject, String outcome, @Nullable String ip, @Nullable String detail) {
	}

	/**
	 * Appends several entries, in the order given, in the caller's transaction (which must not be read-only; without
	 * one, in their own): the chain head is locked and read once, the entries inserted in one batch, and the head
	 * moved once — the same chain as one {@link #recordAs} per entry, for a writer that records many changes at once
	 * (case intake by group commit).
	 */
	public void appendAll(List<Append> entries) {
		if (entries.isEmpty()) {
			return;
		}
		OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		transactions.executeWithoutResult(status -> {
			String previous = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
				.query(String.class).single();
			List<Object[]> rows = new ArrayList<>(entries.size());
			for (Append entry : entries) {
				String user = truncate(entry.username(), 64);
				String about = truncate(entry.subject(), 200);
				String ip = truncate(entry.ip(), 64);
				String text = truncate(entry.detail(), 2000);
				String hash = AuditChain.link(previous, at, user, entry.action(), entry.subjectType(), about,
						entry.outcome(), ip, text);
				rows.add(new Object[] { at, user, entry.action(), entry.subjectType(), about, entry.outcome(), ip, text,
						previous, hash });
				previous = hash;
			}
			String insert = """
					INSERT INTO audit_entry (occurred_at, username, action, subject_type, subject, outcome, ip, detail,
					  prev_hash, entry_hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
			if (batch != null) {
				batch.batchUpdate(insert, rows);
			}
			else {
				rows.forEach(row -> jdbc.sql(insert).params(row).update());
			}
			jdbc.sql("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1").param(previous).update();
		});
	}

	/** The client address of the current request (null outside a request), as {@link #recordAs} records it. */
	public static @Nullable String requestAddress() {
		return currentIp();
	}

	/**
	 * Walks the whole trail in order and recomputes every link: the first entry whose stored previous hash is not the
	 * hash of the entry before it (one was removed or changed) or whose own hash does not match its fields (it was
	 * changed) is the broken link.
	 */
	public AuditChain.Verification verify() {
		String[] expected = { AuditChain.GENESIS };
		long[] checked = { 0 };
		AuditChain.Verification[] broken = { null };
		jdbc.sql("""
				SELECT id, occurred_at, username, action, subject_type, subject, outcome, ip, detail, prev_hash, entry_hash
				FROM audit_entry ORDER BY id""").withFetchSize(1_000).query(rs -> {
			if (broken[0] != null) {
				return;
			}
			long id = rs.getLong("id");
			String prev = rs.getString("prev_hash");
			String own = rs.getString("entry_hash");
			if (!expected[0].equals(prev)) {
				broken[0] = AuditChain.Verification.broken(checked[0], id, "PREVIOUS_HASH_MISMATCH");
				return;
			}
			String recomputed = AuditChain.link(prev, rs.getObject("occurred_at", OffsetDateTime.class),
					rs.getString("username"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject"), rs.getString("outcome"), rs.getString("ip"), rs.getString("detail"));
			if (!recomputed.equals(own)) {
				broken[0] = AuditChain.Verification.broken(checked[0], id, "ENTRY_HASH_MISMATCH");
				return;
			}
			expected[0] = own;
			checked[0]++;
		});
		if (broken[0] != null) {
			return broken[0];
		}
		// the head names the last entry: if no entry has its hash, entries were cut off the end (appends made while
		// walking are past the walk's end, and their hash is there)
		String head = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1").query(String.class).single();
		boolean headFound = head.equals(expected[0]) || jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entry_hash = ?")
			.param(head).query(Long.class).single() > 0;
		if (!headFound) {
			long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
			return AuditChain.Verification.broken(checked[0], last, "LAST_ENTRIES_MISSING");
		}
		return AuditChain.Verification.ok(checked[0]);
	}

	/** Searches the trail, newest first. */
	public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
		Filter filter = Filter.of(query);
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter.where()).params(filter.params())
				.query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(filter.params());
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<AuditEntry> content = jdbc.sql(SELECT + filter.where() + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
				.params(pageParams).query(AuditTrail::entry).list();
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * Hands the matching entries, newest first and at most {@code limit} of them, one by one to {@code sink}
	 * without holding them all in memory; for exports. Returns how many were handed over.
	 */
	public long forEach(AuditQuery query, int limit, Consumer<AuditEntry> sink) {
		Filter filter = Filter.of(query);
		List<Object> params = new ArrayList<>(filter.params());
		params.add(limit);
		try (Stream<AuditEntry> entries = jdbc.sql(SELECT + filter.where() + " ORDER BY occurred_at DESC, id DESC LIMIT ?")
				.params(params).withFetchSize(1_000).query(AuditTrail::entry).stream()) {
			long[] count = { 0 };
			entries.forEach(entry -> {
				sink.accept(entry);
				count[0]++;
			});
			return count[0];
		}
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
				rs.getString("username"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject"),
				rs.getString("outcome"), rs.getString("ip"), rs.getString("detail"));
	}

	/** The WHERE clause of a query and its parameters. */
	private record Filter(String where, List<Object> params) {

		static Filter of(AuditQuery query) {
			StringBuilder where = new StringBuilder(" WHERE 1=1");
			List<Object> params = new ArrayList<>();
			if (hasText(query.username())) {
				where.append(" AND username = ?");
				params.add(query.username().trim());
			}
			if (hasText(query.action())) {
				where.append(" AND action = ?");
				params.add(query.action().trim());
			}
			if (hasText(query.subject())) {
				where.append(" AND subject LIKE ?").append(Like.ESCAPE);
				params.add(Like.contains(query.subject().trim()));
			}
			if (hasText(query.outcome())) {
				where.append(" AND outcome = ?");
				params.add(query.outcome().trim());
			}
			if (hasText(query.ip())) {
				where.append(" AND ip = ?");
				params.add(query.ip().trim());
			}
			if (query.from() != null) {
				where.append(" AND occurred_at >= ?");
				params.add(query.from().atStartOfDay(DISTRICT_ZONE).toOffsetDateTime());
			}
			if (query.to() != null) {
				where.append(" AND occurred_at < ?");
				params.add(query.to().plusDays(1).atStartOfDay(DISTRICT_ZONE).toOffsetDateTime());
			}
			return new Filter(where.toString(), params);
		}
	}

	/** The distinct action names seen so far, for the search form. */
	public List<String> actions() {
		return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
	}

	private static @Nullable String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
