package org.gridlink.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail. It is append-only: this class only inserts and reads, and no other code touches
 * {@code audit_entry}. Reading is for auditors only (separation of duties: the system admin cannot).
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

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
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
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, username, action, subject_type, subject, outcome, ip, detail)
				VALUES (:at, :username, :action, :subjectType, :subject, :outcome, :ip, :detail)""")
				.param("at", OffsetDateTime.now(clock))
				.param("username", truncate(username, 64))
				.param("action", action)
				.param("subjectType", subjectType)
				.param("subject", truncate(subject, 200))
				.param("outcome", outcome)
				.param("ip", truncate(currentIp(), 64))
				.param("detail", truncate(detail, 2000))
				.update();
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
				where.append(" AND subject LIKE ?");
				params.add("%" + query.subject().trim() + "%");
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
