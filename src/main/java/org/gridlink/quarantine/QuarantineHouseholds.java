package org.gridlink.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is under active home quarantine, as registered residents, for the supplies module (households served first and
 * flagged when left without a delivery), and which resident a personal check-in link belongs to (a person in home
 * quarantine orders necessities through the link they already have). No names, no health data.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class QuarantineHouseholds {

	/** A registered resident under active home quarantine since {@code startDate}. */
	@org.springframework.modulith.NamedInterface("api")
	public record AtHome(long residentId, String gridCode, LocalDate startDate) {
	}

	private final JdbcClient jdbc;
	private final CheckInLinks links;
	private final Clock clock;

	QuarantineHouseholds(JdbcClient jdbc, CheckInLinks links, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.clock = clock;
	}

	/** The registered residents under active home quarantine below any of {@code jurisdictions}. */
	public List<AtHome> atHome(Collection<String> jurisdictions) {
		return jdbc.sql("SELECT p.resident_id, p.grid_code, o.start_date FROM quarantine_order o"
				+ " JOIN quarantine_person p ON p.id = o.person_id WHERE o.status = 'ACTIVE' AND o.type = 'HOME'"
				+ " AND p.resident_id IS NOT NULL AND " + Scope.of(jurisdictions).sqlCondition("p.grid_code"))
				.query((rs, i) -> new AtHome(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
				.list();
	}

	/**
	 * The registered resident behind a valid check-in link (known token, active home order, not expired); empty for
	 * any other token or for a person who is not a registered resident, without telling which.
	 */
	public Optional<Long> residentOfCheckInLink(String token) {
		return links.resolve(token, OffsetDateTime.now(clock)).flatMap(order -> jdbc
				.sql("SELECT p.resident_id FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id"
						+ " WHERE o.id = ? AND p.resident_id IS NOT NULL")
				.param(order.id()).query(Long.class).optional());
	}
}
