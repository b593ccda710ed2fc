package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction breadcrumb of a page about a place ({@code fragments/page :: header}): the district, street,
 * community and grid above and including the code, by name. A step links to its jurisdiction page only when the
 * signed-in user's scope covers it, so the breadcrumb never leads to a refusal. Templates ask
 * {@code ${@places.path(code)}}.
 */
@Component("places")
public class Places {

	/** One step of the breadcrumb; {@code link} is false where the user may not open it. */
	public record Crumb(String code, String name, boolean link) {
	}

	private final JurisdictionDirectory directory;

	Places(JurisdictionDirectory directory) {
		this.directory = directory;
	}

	/** The steps from the district down to the code; empty for a missing or malformed code. */
	public List<Crumb> path(@Nullable String code) {
		if (code == null || !JurisdictionCode.isValid(code)) {
			return List.of();
		}
		List<String> codes = ancestry(JurisdictionCode.of(code));
		Map<String, String> names = directory.names(codes);
		var scope = CurrentUsers.find().map(u -> u.scope()).orElse(null);
		List<Crumb> crumbs = new ArrayList<>();
		for (String c : codes) {
			String name = names.get(c);
			if (name != null) {
				crumbs.add(new Crumb(c, name, scope != null && scope.covers(c)));
			}
		}
		return crumbs;
	}

	/** The codes from the district down to this one (12-digit district, street and community codes, then the grid). */
	static List<String> ancestry(JurisdictionCode code) {
		String v = code.value();
		List<String> codes = new ArrayList<>();
		codes.add(v.substring(0, 6) + "000000");
		JurisdictionLevel level = code.level();
		if (level != JurisdictionLevel.DISTRICT) {
			codes.add(v.substring(0, 9) + "000");
		}
		if (level == JurisdictionLevel.COMMUNITY || level == JurisdictionLevel.GRID) {
			codes.add(v.substring(0, 12));
		}
		if (level == JurisdictionLevel.GRID) {
			codes.add(v);
		}
		return codes.stream().distinct().toList();
	}
}
