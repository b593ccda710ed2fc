package org.gridlink.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Maps {@link CaseLine#COLUMNS} rows to lines with category and unit names in the request's language. */
@Component
class CaseLines {

	private final CaseCategories categories;
	private final UnitNames units;

	CaseLines(CaseCategories categories, UnitNames units) {
		this.categories = categories;
		this.units = units;
	}

	/** A row mapper for one query (unit names are read once). */
	RowMapper<CaseLine> mapper() {
		Map<Long, String> names = units.names();
		Locale locale = LocaleContextHolder.getLocale();
		return (rs, i) -> map(rs, names, locale);
	}

	private CaseLine map(ResultSet rs, Map<Long, String> names, Locale locale) throws SQLException {
		String category = rs.getString(4);
		Long unit = rs.getObject(10, Long.class);
		return new CaseLine(rs.getLong(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3)), category,
				categories.find(category).map(c -> c.name(locale)).orElse(category), rs.getString(5), rs.getString(6),
				rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
				rs.getObject(9, OffsetDateTime.class), unit, unit == null ? null : names.get(unit), rs.getBoolean(11));
	}
}
