package org.gridlink.cases.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gridlink.cases.CaseCategory;
import org.gridlink.cases.CaseView;
import org.springframework.web.util.HtmlUtils;

/**
 * The options of the case list's filter form as HTML, written once and kept while their source is the same: the
 * major classes, the minor classes grouped under their major class and the units (~110 options that are the same for
 * every user of a language), and the jurisdiction codes of the caller's scope (the same for every user of that
 * scope). Written with the template engine they cost ~600 expression evaluations on every list page. The chosen
 * option of a request is marked on the kept text ({@link #select}); the text is escaped as the template would.
 * Categories are kept per language until {@code CaseCategories.all()} returns another list (it keeps one list until a
 * class is edited, here or on another instance), units until the list differs, scope codes per set of codes.
 */
final class CaseFilterOptions {

	private record Categories(List<CaseCategory> source, String majors, String minors) {
	}

	private record Units(List<CaseView.UnitRef> source, String options) {
	}

	private final Map<String, Categories> categories = new ConcurrentHashMap<>();
	private volatile Units units = new Units(List.of(), "");
	private final Map<List<String>, String> scopes = new ConcurrentHashMap<>();

	/** The major classes' options ({@code <option value="code">name</option>}), the chosen one selected. */
	String majors(List<CaseCategory> all, String lang, String chosen) {
		return select(categories(all, lang).majors(), chosen);
	}

	/** The minor classes' options in one {@code <optgroup>} per major class, the chosen one selected. */
	String minors(List<CaseCategory> all, String lang, String chosen) {
		return select(categories(all, lang).minors(), chosen);
	}

	/** The units' options (value: the unit's id), the chosen one selected. */
	String units(List<CaseView.UnitRef> current, String chosen) {
		Units kept = units;
		if (!kept.source().equals(current)) {
			StringBuilder html = new StringBuilder(current.size() * 48);
			for (CaseView.UnitRef unit : current) {
				option(html, String.valueOf(unit.id()), unit.name(), "\n        ");
			}
			kept = new Units(List.copyOf(current), html.toString());
			units = kept;
		}
		return select(kept.options(), chosen);
	}

	/** The datalist's options: the jurisdiction codes of a scope, sorted. */
	String scopeCodes(List<String> sortedCodes) {
		if (scopes.size() > 1_000) {
			scopes.clear(); // a bound, not a policy: scopes are few (one per place a user is posted to)
		}
		return scopes.computeIfAbsent(List.copyOf(sortedCodes), codes -> {
			StringBuilder html = new StringBuilder(codes.size() * 40);
			codes.forEach(code -> html.append("<option value=\"").append(escape(code)).append("\"></option>"));
			return html.toString();
		});
	}

	private Categories categories(List<CaseCategory> all, String lang) {
		Categories kept = categories.get(lang);
		if (kept != null && kept.source() == all) {
			return kept;
		}
		boolean en = "en".equals(lang);
		StringBuilder majors = new StringBuilder(2_048);
		StringBuilder minors = new StringBuilder(8_192);
		CaseCategoryGroups.group(all, false).forEach((major, group) -> {
			String name = en ? major.nameEn() : major.nameZh();
			option(majors, major.code(), name, "\n        ");
			minors.append("\n        <optgroup label=\"").append(escape(name)).append("\" data-major=\"")
				.append(escape(major.code())).append("\">");
			group.forEach(minor -> option(minors, minor.code(), en ? minor.nameEn() : minor.nameZh(), "\n          "));
			minors.append("\n        </optgroup>");
		});
		kept = new Categories(all, majors.toString(), minors.toString());
		categories.put(lang, kept);
		return kept;
	}

	private static void option(StringBuilder html, String value, String text, String indent) {
		html.append(indent).append("<option value=\"").append(escape(value)).append("\">").append(escape(text))
			.append("</option>");
	}

	/** The options with the one whose value is {@code chosen} marked selected (none when nothing matches). */
	static String select(String options, String chosen) {
		if (chosen.isEmpty()) {
			return options;
		}
		String attribute = "<option value=\"" + escape(chosen) + "\"";
		int at = options.indexOf(attribute);
		if (at < 0) {
			return options;
		}
		int end = at + attribute.length();
		return options.substring(0, end) + " selected=\"selected\"" + options.substring(end);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
