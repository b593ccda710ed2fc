package org.gridlink.jurisdiction;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MapMeasure;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures the district map can colour its grids by, asked of every module's {@link MapMeasure} bean (as the
 * home page asks {@code HomeCards}), in their order. Values are kept to the caller's scope twice: in each module's
 * query and here.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class MapMeasures {

	/** A measure as the map offers it: key, name in the user's language, legend classes. */
	public record Choice(String key, String label, List<Number> breaks, boolean percent) {
	}

	/** One measure's values per grid code, with what the legend needs. */
	public record Values(String key, String label, List<Number> breaks, boolean percent, Map<String, Number> values) {
	}

	private final List<MapMeasure> measures;
	private final MessageSource messages;

	MapMeasures(List<MapMeasure> measures, MessageSource messages) {
		this.measures = measures.stream().sorted(Comparator.comparingInt(MapMeasure::order)).toList();
		this.messages = messages;
	}

	/** The measures the user may read, the default (open cases) first when readable. */
	public List<Choice> choices(CurrentUser user, Locale locale) {
		return measures.stream().filter(m -> m.mayRead(user)).map(m -> choice(m, locale)).toList();
	}

	/** One measure's values for the user's grids; 404 for an unknown key, 403 for one the user may not read. */
	@Transactional(readOnly = true)
	public Values values(CurrentUser user, String key, Locale locale) {
		MapMeasure measure = measures.stream().filter(m -> m.key().equals(key)).findFirst()
				.orElseThrow(() -> new NotFoundException("map.measure.unknown", key));
		if (!measure.mayRead(user)) {
			throw new OutOfScopeException("map measure", key);
		}
		Map<String, Number> values = new LinkedHashMap<>();
		measure.values(user).forEach((grid, value) -> {
			if (user.scope().covers(grid)) {
				values.put(grid, value);
			}
		});
		Choice choice = choice(measure, locale);
		return new Values(choice.key(), choice.label(), choice.breaks(), choice.percent(), values);
	}

	private Choice choice(MapMeasure measure, Locale locale) {
		return new Choice(measure.key(), messages.getMessage(measure.labelKey(), null, measure.key(), locale),
				measure.breaks(), measure.percent());
	}
}
