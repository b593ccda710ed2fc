package org.gridlink.screening;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of the running campaigns, per grid and without persons: for the command center, which resyncs its read
 * model from them when {@link ScreeningProgressed} arrives (and on its own rebuild). A system reader without a user.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class ScreeningFacts {

	/** A grid's households in the running campaigns and how many of them are screened. */
	@org.springframework.modulith.NamedInterface("api")
	public record GridProgress(long screened, long total) {
	}

	private final JdbcClient jdbc;

	ScreeningFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Per grid with a task of a RUNNING campaign: screened households and households, summed over those campaigns. */
	@Transactional(readOnly = true)
	public Map<String, GridProgress> running() {
		Map<String, GridProgress> out = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT t.grid_code, SUM(t.screened_households), SUM(t.households) FROM screening_task t
				JOIN screening_campaign c ON c.id = t.campaign_id WHERE c.status = 'RUNNING'
				GROUP BY t.grid_code ORDER BY t.grid_code""")
				.query(rs -> {
					out.put(rs.getString(1), new GridProgress(rs.getLong(2), rs.getLong(3)));
				});
		return out;
	}
}
