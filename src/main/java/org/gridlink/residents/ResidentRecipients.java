package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.gridlink.platform.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents a notice reaches, for the notices module: a narrow, scoped query of id, name, grid and the phone as
 * stored (keyed lookup hash and sealed value), never the ID number, for a set-based statement of the caller's; and
 * a streaming read of the households for the printed lists. Only active residents with a phone are
 * counted and handed over. The caller has already checked that its user may reach the codes it passes.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class ResidentRecipients {

	/**
	 * Whom to reach: the residents living below any of {@code jurisdictions} (12- or 15-digit codes) and, when
	 * {@code tags} is not empty, carrying at least one of the tags.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record RecipientFilter(List<String> jurisdictions, List<String> tags, List<Place> places,
			List<Long> households) {

		public RecipientFilter {
			jurisdictions = List.copyOf(jurisdictions);
			tags = List.copyOf(tags);
			places = List.copyOf(places);
			households = List.copyOf(households);
		}

		/** The residents of the jurisdictions only (with one of the tags when given). */
		public RecipientFilter(List<String> jurisdictions, List<String> tags) {
			this(jurisdictions, tags, List.of(), List.of());
		}
	}

	/**
	 * Where residents live, as their households record it: a compound of a grid (by its name), or one building of it
	 * when {@code building} is not empty. A filter reaches the residents of its jurisdictions, of its places and of
	 * its households together (each resident once), then narrowed by the tags.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Place(String gridCode, String compound, String building) {
	}

	/**
	 * One household of a door-to-door list: its address parts and the names of its active residents the filter
	 * reaches (plain; the caller masks them). No ID number, no phone.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record Household(long id, String gridCode, String compound, String building, String entrance, String room,
			String address, List<String> names) {

		public Household {
			names = List.copyOf(names);
		}
	}

	private static final int FETCH = 5_000;

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	ResidentRecipients(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> "PostgreSQL".equals(
				c.getMetaData().getDatabaseProductName())));
	}

	/** How many distinct phones the filter reaches (what an SMS costs). */
	public long countPhones(RecipientFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		Long n = jdbc.queryForObject("SELECT COUNT(DISTINCT r.phone_hash) FROM resident r" + where, Long.class,
				params.toArray());
		return n == null ? 0 : n;
	}

	/**
	 * The residents with a phone the filter reaches, one per distinct phone (of those sharing a phone, the one with the
	 * lowest id), as a query for a set-based {@code INSERT … SELECT} on the caller's own connection and transaction:
	 * the recipients never travel through the application. The query's columns, in this order, are this API — {@code
	 * id}, {@code name}, {@code grid_code}, {@code phone_hash} (the keyed lookup hash) and {@code phone_enc} (the phone
	 * as stored, sealed with AES-GCM: never a plain phone) — the tables behind it are this module's and may change.
	 * Embed {@code sql()} as a subquery ({@code … FROM (sql) r}) and bind {@code params()} after any parameters
	 * before it. {@link #countPhones} counts the same rows.
	 */
	public Selection distinctPhones(RecipientFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		// the hashes are hexadecimal: byte order ("C") sorts them as well as the database's collation, at half the cost
		String phone = postgres ? "r.phone_hash COLLATE \"C\"" : "r.phone_hash";
		return new Selection("SELECT DISTINCT ON (" + phone + ") r.id, r.name, r.grid_code, r.phone_hash, r.phone_enc"
				+ " FROM resident r" + where + " ORDER BY " + phone + ", r.id", params);
	}

	/** A query of this module's and its parameters, for a set-based statement of the caller's. */
	@org.springframework.modulith.NamedInterface("api")
	public record Selection(String sql, List<Object> params) {

		public Selection {
			params = java.util.Collections.unmodifiableList(new ArrayList<>(params));
		}
	}

	/**
	 * Hands the households of the residents the filter reaches (with or without a phone) to {@code sink}, in walking
	 * order: grid, compound, building, entrance, room. Residents without a household are not on a door-to-door list.
	 */
	@Transactional(readOnly = true)
	public void households(RecipientFilter filter, Consumer<Household> sink) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params, false);
		long[] current = { -1 };
		Object[][] head = { null };
		List<String> names = new ArrayList<>();
		Runnable flush = () -> {
			if (head[0] != null) {
				Object[] h = head[0];
				sink.accept(new Household((Long) h[0], (String) h[1], (String) h[2], (String) h[3], (String) h[4],
						(String) h[5], (String) h[6], names));
				names.clear();
			}
		};
		jdbc.query(connection -> {
			var statement = connection.prepareStatement("SELECT h.id, h.grid_code, h.compound, h.building, h.entrance,"
					+ " h.room, h.address, r.name FROM resident r JOIN household h ON h.id = r.household_id"
					+ " AND h.district_code = r.district_code" + where
					+ " ORDER BY h.grid_code, h.compound, h.building, h.entrance, h.room, h.address, h.id, r.id",
					java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(FETCH);
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
			}
			return statement;
		}, rs -> {
			long id = rs.getLong(1);
			if (id != current[0]) {
				flush.run();
				current[0] = id;
				head[0] = new Object[] { id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7) };
			}
			names.add(rs.getString(8));
		});
		flush.run();
	}

	private static String where(RecipientFilter filter, List<Object> params) {
		return where(filter, params, true);
	}

	private static String where(RecipientFilter filter, List<Object> params, boolean withPhone) {
		Scope within = Scope.of(filter.jurisdictions());
		StringBuilder where = new StringBuilder(" WHERE r.status = 'ACTIVE' AND ")
				.append(withPhone ? "r.phone_hash IS NOT NULL AND " : "")
				.append("(").append(within.sqlCondition("r.grid_code"));
		if (!filter.places().isEmpty()) {
			where.append(" OR EXISTS (SELECT 1 FROM household p WHERE p.id = r.household_id"
					+ " AND p.district_code = r.district_code AND (");
			for (int i = 0; i < filter.places().size(); i++) {
				Place place = filter.places().get(i);
				where.append(i == 0 ? "" : " OR ").append("(p.grid_code = ? AND p.compound = ?");
				params.add(place.gridCode());
				params.add(place.compound());
				if (!place.building().isEmpty()) {
					where.append(" AND p.building = ?");
					params.add(place.building());
				}
				where.append(')');
			}
			where.append("))");
		}
		if (!filter.households().isEmpty()) {
			// one array parameter, however many households (a campaign's key persons)
			where.append(" OR r.household_id = ANY (?)");
			params.add(filter.households().toArray(new Long[0]));
		}
		where.append(')');
		if (!filter.tags().isEmpty()) {
			where.append(" AND EXISTS (SELECT 1 FROM resident_tag t WHERE t.resident_id = r.id"
					+ " AND t.district_code = r.district_code AND t.tag IN (");
			for (int i = 0; i < filter.tags().size(); i++) {
				where.append(i == 0 ? "?" : ", ?");
				params.add(filter.tags().get(i));
			}
			where.append("))");
		}
		return where.toString();
	}
}
