package org.gridlink.enterprise.support;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseLinks;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.PublicUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advisory teams (顾问团) of key enterprises: police officer, judge, procurator and lawyer with work phones, set by the
 * center or the street (audited), read by everyone who sees the enterprise; and the address the contact card's QR code
 * opens: the absolute URL of the enterprise's public appeal page.
 */
@Service
public class AdvisoryTeams {

	private final JdbcClient jdbc;
	private final EnterpriseDirectory enterprises;
	private final AuditTrail audit;
	private final Clock clock;
	private final PublicUrls urls;

	AdvisoryTeams(JdbcClient jdbc, EnterpriseDirectory enterprises, AuditTrail audit, Clock clock, PublicUrls urls) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.audit = audit;
		this.clock = clock;
		this.urls = urls;
	}

	/** The team of an enterprise the user sees, by seat (empty seats left out). */
	public List<Advisor> team(CurrentUser user, long enterpriseId) {
		EnterpriseRef enterprise = enterprises.require(user, enterpriseId);
		return team(enterprise.id());
	}

	List<Advisor> team(long enterpriseId) {
		List<Advisor> all = jdbc.sql("SELECT seat, name, organisation, work_phone FROM enterprise_advisor WHERE "
				+ "enterprise_id = ?").param(enterpriseId).query(Advisor.class).list();
		Map<Seat, Advisor> bySeat = new EnumMap<>(Seat.class);
		all.forEach(a -> bySeat.put(a.seat(), a));
		return List.copyOf(bySeat.values());
	}

	/**
	 * Sets the team of a key enterprise: the seats given replace those seats (a seat with a blank name is emptied).
	 * Only key enterprises have a team (400 otherwise); center and street only.
	 */
	@Transactional
	public List<Advisor> save(CurrentUser user, long enterpriseId, List<AdvisorInput> seats) {
		EnterpriseRef enterprise = enterprises.require(user, enterpriseId);
		if (!SupportAccess.canSetTeam(user)) {
			throw new AccessDeniedException("team");
		}
		if (!enterprise.keyEnterprise()) {
			throw new InvalidInputException("support.team.keyOnly", "enterprise");
		}
		Map<Seat, AdvisorInput> checked = new EnumMap<>(Seat.class);
		for (AdvisorInput in : seats) {
			Seat seat = Fields.oneOf("seat", in.seat(), Seat.class);
			if (checked.put(seat, in) != null) {
				throw new InvalidInputException("support.team.seatTwice", "seat");
			}
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		StringBuilder detail = new StringBuilder();
		for (var e : checked.entrySet()) {
			String field = e.getKey().name().toLowerCase(java.util.Locale.ROOT);
			AdvisorInput in = e.getValue();
			String name = Fields.optional(field + "Name", in.name(), 60);
			jdbc.sql("DELETE FROM enterprise_advisor WHERE enterprise_id = ? AND seat = ?").params(enterprise.id(),
					e.getKey().name()).update();
			if (name == null) {
				detail.append(e.getKey()).append(" emptied; ");
				continue;
			}
			String phone = Fields.phone(field + "Phone", in.workPhone());
			String org = Fields.optional(field + "Organisation", in.organisation(), 100);
			jdbc.sql("INSERT INTO enterprise_advisor (enterprise_id, seat, name, organisation, work_phone, updated_at, "
					+ "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)").params(enterprise.id(), e.getKey().name(), name, org,
							phone, now, user.username()).update();
			detail.append(e.getKey()).append(" set; ");
		}
		audit.record("enterprise.team.save", "enterprise", String.valueOf(enterprise.id()), AuditTrail.SUCCESS,
				detail.toString().strip());
		return team(enterprise.id());
	}

	/** The absolute address the contact card's QR code opens: the enterprise's public appeal page. */
	public String appealUrl(EnterpriseRef enterprise) {
		return urls.absolute(EnterpriseLinks.appealPage(enterprise.creditCode().strip()));
	}
}
