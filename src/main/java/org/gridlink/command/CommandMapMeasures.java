package org.gridlink.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridlink.jurisdiction.MapMeasures;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MapMeasure;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command map's measures: those of {@link MapMeasures} plus overdue cases per grid from this module's read model
 * (open cases past their time limit). Overdue is offered on the command page only, not on the general map.
 */
@Component
public class CommandMapMeasures {

	public static final String OVERDUE = "command-overdue";
	private static final List<Number> BREAKS = List.of(0, 1, 2, 4, 8);

	private final JdbcClient jdbc;
	private final MapMeasures measures;
	private final MessageSource messages;
	private final CommandCenter center;

	CommandMapMeasures(JdbcClient jdbc, MapMeasures measures, MessageSource messages, CommandCenter center) {
		this.jdbc = jdbc;
		this.measures = measures;
		this.messages = messages;
		this.center = center;
	}

	public List<MapMeasures.Choice> choices(CurrentUser user, Locale locale) {
		center.require(user);
		List<MapMeasures.Choice> all = new ArrayList<>(measures.choices(user, locale));
		all.add(Math.min(1, all.size()), new MapMeasures.Choice(OVERDUE, label(locale), BREAKS, false));
		return all;
	}

	public MapMeasures.Values values(CurrentUser user, String key, Locale locale) {
		center.require(user);
		if (!OVERDUE.equals(key)) {
			return measures.values(user, key, locale);
		}
		return new MapMeasures.Values(OVERDUE, label(locale), BREAKS, false, MapMeasure.countsByGrid(jdbc,
				"SELECT code, COUNT(*) FROM command_item WHERE kind = 'CASE' AND overdue AND NOT ended "
						+ "AND LENGTH(code) = 15 AND " + user.scope().sqlCondition("code") + " GROUP BY code ORDER BY code"));
	}

	private String label(Locale locale) {
		return messages.getMessage("map.measure.command-overdue", null, locale);
	}
}
