package org.gridlink.residents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridlink.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Households as other modules need them without personal data (the supplies module's necessities): one household's
 * address, the households of given residents, and which households of an area have a resident with one of given
 * care tags. The caller has already checked that its user may reach the household or area.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class HouseholdFacts {

	private final Households households;
	private final JdbcClient jdbc;

	HouseholdFacts(Households households, JdbcClient jdbc) {
		this.households = households;
		this.jdbc = jdbc;
	}

	/** One household (address parts, member count), if it exists. */
	public Optional<HouseholdView> household(long id) {
		return households.get(id);
	}

	/** The household of each of these residents that has one (resident id → household id). */
	public Map<Long, Long> householdsOf(Collection<Long> residentIds) {
		Map<Long, Long> out = new HashMap<>();
		List<Long> ids = new ArrayList<>(residentIds);
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.sql("SELECT id, household_id FROM resident WHERE household_id IS NOT NULL AND id IN ("
					+ "?, ".repeat(chunk.size() - 1) + "?)").params(chunk.toArray()).query(rs -> {
						out.put(rs.getLong(1), rs.getLong(2));
					});
		}
		return out;
	}

	/**
	 * The households below any of {@code jurisdictions} where an active resident carries one of {@code tags}
	 * (vulnerable households: elderly living alone, disabled …). Empty for no tags.
	 */
	public Set<Long> taggedHouseholds(Collection<String> jurisdictions, Collection<String> tags) {
		Set<Long> out = new HashSet<>();
		if (tags.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT DISTINCT r.household_id FROM resident r JOIN resident_tag t ON t.resident_id = r.id"
				+ " AND t.district_code = r.district_code WHERE r.status = 'ACTIVE' AND r.household_id IS NOT NULL AND "
				+ Scope.of(jurisdictions).sqlCondition("r.grid_code") + " AND t.tag IN ("
				+ "?, ".repeat(tags.size() - 1) + "?)").params(List.copyOf(tags).toArray()).query(rs -> {
					out.add(rs.getLong(1));
				});
		return out;
	}

	/**
	 * The masked name of each of these households' first registered active resident (household id → e.g. {@code 李*明}),
	 * for lists that show a household by its head without personal data (public notice boards).
	 */
	public Map<Long, String> maskedHeads(Collection<Long> householdIds) {
		Map<Long, String> out = new HashMap<>();
		List<Long> ids = new ArrayList<>(householdIds);
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.sql("SELECT r.household_id, r.name FROM resident r WHERE r.status = 'ACTIVE' AND r.id = (SELECT MIN(f.id)"
					+ " FROM resident f WHERE f.household_id = r.household_id AND f.status = 'ACTIVE') AND r.household_id IN ("
					+ "?, ".repeat(chunk.size() - 1) + "?)").params(chunk.toArray()).query(rs -> {
						out.put(rs.getLong(1), org.gridlink.shared.Masked.name(rs.getString(2)));
					});
		}
		return out;
	}

	/** The households of a grid in walking order (for demo and benchmark data of other modules). */
	public List<HouseholdView> ofGrid(String gridCode) {
		return households.ofGrid(gridCode);
	}
}
