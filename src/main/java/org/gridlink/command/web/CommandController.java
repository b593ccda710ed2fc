package org.gridlink.command.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.command.CommandCenter;
import org.gridlink.command.CommandMapMeasures;
import org.gridlink.command.CommandView;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JurisdictionDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command page ({@code /command}) and its wall mode ({@code /command?wall=1} or {@code /command/wall}): the same
 * figures, the wall dark and full-screen without menus, rotating between the map, the trend and the ranking. A click
 * on a street, community or grid reloads the page for that place.
 */
@Controller
class CommandController {

	static final List<String> FEED_KINDS = List.of("CASE_REPORTED", "CASE_OVERDUE", "CASE_CLOSED", "QUARANTINE_ORDERED",
			"QUARANTINE_RELEASED");

	private final CommandCenter center;
	private final CommandMapMeasures measures;
	private final JurisdictionDirectory directory;
	private final MessageSource messages;

	CommandController(CommandCenter center, CommandMapMeasures measures, JurisdictionDirectory directory,
			MessageSource messages) {
		this.center = center;
		this.measures = measures;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/command")
	String page(CurrentUser user, Model model, Locale locale,
			@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@RequestParam(required = false) @Nullable String wall) {
		CommandView view = center.figures(user, jurisdiction, date);
		model.addAttribute("view", view);
		model.addAttribute("measures", measures.choices(user, locale));
		model.addAttribute("home", center.home(user));
		String parent = view.level().equals("DISTRICT") ? null : view.jurisdiction();
		model.addAttribute("parent", parent);
		String up = null;
		if (!view.jurisdiction().equals(center.home(user))) {
			up = upOf(view.jurisdiction());
			if (up != null && !user.scope().covers(up)) {
				up = null;
			}
		}
		model.addAttribute("up", up);
		model.addAttribute("upName", up == null ? null : directory.names(List.of(up)).get(up));
		Map<String, String> kinds = new LinkedHashMap<>();
		FEED_KINDS.forEach(k -> kinds.put(k, messages.getMessage("command.feed." + k, null, locale)));
		model.addAttribute("feedKinds", kinds);
		boolean isWall = wall != null && !wall.equals("0") && !wall.equals("false");
		model.addAttribute("wall", isWall);
		return isWall ? "command/wall" : "command/page";
	}

	@GetMapping("/command/wall")
	String wall(CurrentUser user, Model model, Locale locale,
			@RequestParam(required = false) @Nullable String jurisdiction) {
		return page(user, model, locale, jurisdiction, null, "1");
	}

	private static @Nullable String upOf(String code) {
		if (code.length() == 15) {
			return code.substring(0, 12);
		}
		if (code.endsWith("000000")) {
			return null;
		}
		if (code.endsWith("000")) {
			return code.substring(0, 6) + "000000";
		}
		return code.substring(0, 9) + "000";
	}
}
