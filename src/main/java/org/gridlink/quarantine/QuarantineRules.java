package org.gridlink.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configurable quarantine rules: days of quarantine since the last exposure per risk level, optionally per
 * exposure type (a rule for the type wins over the level's general rule). A person's planned end is the latest
 * exposure date plus its rule's days, over all their contacts.
 */
@Service
public class QuarantineRules {

	static final int MAX_DAYS = 60;
	static final int DEFAULT_DAYS = 14;

	/** A rule: {@code exposureType} null means any type of this level. */
	public record Rule(RiskLevel riskLevel, @Nullable ExposureType exposureType, int days, String updatedBy,
			OffsetDateTime updatedAt) {
	}

	/** The last exposure of a person and the end of quarantine the rules give for it. */
	public record Planned(LocalDate lastExposure, LocalDate plannedEnd) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	QuarantineRules(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Rule> list(CurrentUser user) {
		QuarantineAccess.require(user, QuarantineAccess.READERS, "read");
		return jdbc.sql("SELECT * FROM quarantine_rule ORDER BY risk_level, exposure_type")
				.query((rs, i) -> new Rule(RiskLevel.valueOf(rs.getString("risk_level")),
						rs.getString("exposure_type").isEmpty() ? null : ExposureType.valueOf(rs.getString("exposure_type")),
						rs.getInt("days"), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class)))
				.list();
	}

	/** Sets the days of a rule (center only); orders already made keep their planned end. */
	@Transactional
	public Rule set(CurrentUser user, @Nullable RiskLevel level, @Nullable ExposureType type, int days) {
		QuarantineAccess.require(user, QuarantineAccess.RULE_KEEPERS, "rules");
		if (level == null) {
			throw new InvalidInputException("quarantine.riskLevel.invalid");
		}
		if (days < 1 || days > MAX_DAYS) {
			throw new InvalidInputException("quarantine.rule.days.invalid", MAX_DAYS);
		}
		String typeKey = type == null ? "" : type.name();
		OffsetDateTime now = OffsetDateTime.now(clock);
		int updated = jdbc.sql("UPDATE quarantine_rule SET days = ?, updated_by = ?, updated_at = ? WHERE risk_level = ?"
				+ " AND exposure_type = ?").params(days, user.username(), now, level.name(), typeKey).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO quarantine_rule (risk_level, exposure_type, days, updated_by, updated_at)"
					+ " VALUES (?, ?, ?, ?, ?)").params(level.name(), typeKey, days, user.username(), now).update();
		}
		audit.record("QUARANTINE_RULE", "quarantineRule", level + "/" + (type == null ? "*" : type), AuditTrail.SUCCESS,
				"days=" + days);
		return new Rule(level, type, days, user.username(), now);
	}

	/** Days of quarantine for an exposure of this level and type. */
	int days(RiskLevel level, ExposureType type) {
		Optional<Integer> specific = jdbc.sql("SELECT days FROM quarantine_rule WHERE risk_level = ? AND exposure_type = ?")
				.params(level.name(), type.name()).query(Integer.class).optional();
		if (specific.isPresent()) {
			return specific.get();
		}
		return jdbc.sql("SELECT days FROM quarantine_rule WHERE risk_level = ? AND exposure_type = ''")
				.param(level.name()).query(Integer.class).optional().orElse(DEFAULT_DAYS);
	}

	/** The last exposure and planned end over the person's contacts; empty when they have none. */
	Optional<Planned> planned(long personId) {
		List<Object[]> exposures = jdbc.sql("SELECT exposure_date, risk_level, exposure_type FROM close_contact"
				+ " WHERE person_id = ?").param(personId)
				.query((rs, i) -> new Object[] { rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3) })
				.list();
		LocalDate last = null;
		LocalDate end = null;
		for (Object[] e : exposures) {
			LocalDate date = (LocalDate) e[0];
			LocalDate until = date.plusDays(days(RiskLevel.valueOf((String) e[1]), ExposureType.valueOf((String) e[2])));
			last = last == null || date.isAfter(last) ? date : last;
			end = end == null || until.isAfter(end) ? until : end;
		}
		return last == null ? Optional.empty() : Optional.of(new Planned(last, end));
	}
}
