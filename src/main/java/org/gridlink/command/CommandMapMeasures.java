package org.gridlink.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.jurisdiction.MapMeasures;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MapMeasure;
import org.gridlink.quarantine.QuarantineFacts;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command map's measures: those of {@link MapMeasures} plus overdue cases per grid from this module's read model
 * (open cases past their time limit) and missed check-ins (people under home quarantine who have not checked in
 * today, live from {@code quarantine.QuarantineFacts}). Both are offered on the command page only, not on the general
 * map.
 */
@Component
public class CommandMapMeasures {

	public static final String OVERDUE = "command-overdue";
	/** People under home quarantine without a counted check-in today, per grid (live from the quarantine module). */
	public static final String MISSED_CHECK_INS = "command-missed-checkins";
	private static final List<Number> BREAKS = List.of(0, 1, 2, 4, 8);

	private final JdbcClient jdbc;
	private final MapMeasures measures;
	private final MessageSource messages;
	private final CommandCenter center;
	private final QuarantineFacts quarantine;

	CommandMapMeasures(JdbcClient jdbc, MapMeasures measures, MessageSource messages, CommandCenter center,
			QuarantineFacts quarantine) {
		this.quarantine = quarantine;
		this.jdbc = jdbc;
		this.measures = measures;
		this.messages = messages;
		this.center = center;
	}

	public List<MapMeasures.Choice> choices(CurrentUser user, Locale locale) {
		center.require(user);
		List<MapMeasures.Choice> all = new ArrayList<>(measures.choices(user, locale));
		all.add(Math.min(1, all.size()), new MapMeasures.Choice(OVERDUE, label(locale), BREAKS, false));
		all.add(new MapMeasures.Choice(MISSED_CHECK_INS, label(MISSED_CHECK_INS, locale), BREAKS, false));
		return all;
	}

	public MapMeasures.Values values(CurrentUser user, String key, Locale locale) {
		center.require(user);
		if (MISSED_CHECK_INS.equals(key)) {
			return new MapMeasures.Values(MISSED_CHECK_INS, label(MISSED_CHECK_INS, locale), BREAKS, false,
					missedCheckIns(user));
		}
		if (!OVERDUE.equals(key)) {
			return measures.values(user, key, locale);
		}
		return new MapMeasures.Values(OVERDUE, label(locale), BREAKS, false, MapMeasure.countsByGrid(jdbc,
				"SELECT code, COUNT(*) FROM command_item WHERE kind = 'CASE' AND overdue AND NOT ended "
						+ "AND LENGTH(code) = 15 AND " + user.scope().sqlCondition("code") + " GROUP BY code ORDER BY code"));
	}

	/**
	 * Per grid in the caller's scope: people under home quarantine who have not checked in today (district date).
	 * Computed live (one grouped count over the active home orders, see docs/command.md), so it always equals a
	 * direct count; grids without such people are left out (a count: the map shows them as 0).
	 */
	Map<String, Number> missedCheckIns(CurrentUser user) {
		Map<String, Number> out = new LinkedHashMap<>();
		quarantine.notCheckedIn(center.today()).forEach((grid, n) -> {
			if (user.scope().covers(grid)) {
				out.put(grid, n);
			}
		});
		return out;
	}

	private String label(String key, Locale locale) {
		return messages.getMessage("map.measure." + key, null, locale);
	}

	private String label(Locale locale) {
		return messages.getMessage("map.measure.command-overdue", null, locale);
	}
}
