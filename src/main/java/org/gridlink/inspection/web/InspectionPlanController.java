package org.gridlink.inspection.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.inspection.InspectionViews.Group;
import org.gridlink.inspection.InspectionViews.NewCheckItem;
import org.gridlink.inspection.InspectionViews.NewGroup;
import org.gridlink.inspection.InspectionViews.NewMember;
import org.gridlink.inspection.InspectionViews.NewRound;
import org.gridlink.inspection.InspectionViews.NewTarget;
import org.gridlink.inspection.Inspections;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The center's planning pages: a group (leader, members from units, the communities and units it covers), a check item
 * of the library, a round (dates, targets each with its group, the checklist from the library). The facade validates;
 * its message is shown beside the field it concerns, the entered values are kept.
 */
@Controller
@RequestMapping("/inspection/plan")
class InspectionPlanController {

	/** Which form field a facade message concerns. */
	private static final Map<String, String> FIELDS = Map.ofEntries(
			Map.entry("inspection.group.name.invalid", "name"),
			Map.entry("inspection.group.leader.invalid", "leaderName"),
			Map.entry("inspection.group.member.invalid", "members"),
			Map.entry("inspection.community.invalid", "communities"),
			Map.entry("inspection.item.text.invalid", "text"),
			Map.entry("inspection.item.category.invalid", "category"),
			Map.entry("inspection.item.weight.invalid", "weight"),
			Map.entry("inspection.item.kinds.invalid", "targetKinds"),
			Map.entry("inspection.round.title.invalid", "title"),
			Map.entry("inspection.round.dates.invalid", "dates"),
			Map.entry("inspection.round.items.invalid", "checkItemIds"),
			Map.entry("inspection.round.targets.invalid", "targets"),
			Map.entry("inspection.group.invalid", "targets"),
			Map.entry("inspection.target.invalid", "targets"),
			Map.entry("inspection.target.duplicate", "targets"));
	static final int MEMBER_ROWS = 6;

	private final Inspections inspections;
	private final Jurisdictions jurisdictions;
	private final JurisdictionDirectory places;
	private final MessageSource messages;

	InspectionPlanController(Inspections inspections, Jurisdictions jurisdictions, JurisdictionDirectory places,
			MessageSource messages) {
		this.inspections = inspections;
		this.jurisdictions = jurisdictions;
		this.places = places;
		this.messages = messages;
	}

	private void planner(CurrentUser user) {
		if (!inspections.canPlan(user)) {
			throw new AccessDeniedException("inspection plan");
		}
	}

	private Map<String, String> errors(UserFacingException ex, String fallback) {
		Map<String, String> errors = new HashMap<>();
		errors.put(FIELDS.getOrDefault(ex.messageKey(), fallback), messages.getMessage(ex.messageKey(),
				ex.arguments(), ex.messageKey(), LocaleContextHolder.getLocale()));
		return errors;
	}

	/** The communities in the caller's scope, by code, with their names. */
	private Map<String, String> communities(CurrentUser user) {
		List<String> codes = jurisdictions.residentialGrids().stream().filter(g -> !g.village())
				.map(g -> g.code().substring(0, 12)).distinct().sorted().filter(c -> user.scope().covers(c)).toList();
		Map<String, String> names = places.names(codes);
		Map<String, String> out = new LinkedHashMap<>();
		codes.forEach(c -> out.put(c, names.getOrDefault(c, c)));
		return out;
	}

	private void common(CurrentUser user, Model model) {
		model.addAttribute("units", inspections.unitChoices());
		model.addAttribute("communities", communities(user));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	// ---- group

	@GetMapping("/groups/new")
	String newGroup(CurrentUser user, Model model) {
		planner(user);
		common(user, model);
		model.addAttribute("form", new GroupForm("", "", null, emptyMembers(), List.of(), List.of()));
		return "inspection/plan-group";
	}

	record MemberRow(String name, @Nullable Long unitId, String username) {
	}

	record GroupForm(String name, String leaderName, @Nullable Long leaderUnitId, List<MemberRow> members,
			List<String> communities, List<Long> units) {
	}

	private static List<MemberRow> emptyMembers() {
		List<MemberRow> rows = new ArrayList<>();
		for (int i = 0; i < MEMBER_ROWS; i++) {
			rows.add(new MemberRow("", null, ""));
		}
		return rows;
	}

	@PostMapping("/groups")
	String createGroup(CurrentUser user, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		planner(user);
		List<MemberRow> rows = new ArrayList<>();
		List<NewMember> members = new ArrayList<>();
		for (int i = 0; i < MEMBER_ROWS; i++) {
			String name = value(params, "memberName" + i);
			Long unit = number(value(params, "memberUnit" + i));
			String username = value(params, "memberUsername" + i);
			rows.add(new MemberRow(name, unit, username));
			if (!name.isEmpty() || unit != null || !username.isEmpty()) {
				members.add(new NewMember(name, unit, username.isEmpty() ? null : username));
			}
		}
		List<String> communities = params.getOrDefault("communities", List.of());
		List<Long> units = params.getOrDefault("units", List.of()).stream().map(InspectionPlanController::number)
				.filter(u -> u != null).toList();
		GroupForm form = new GroupForm(value(params, "name"), value(params, "leaderName"),
				number(value(params, "leaderUnitId")), rows, communities, units);
		Map<String, String> errors = new HashMap<>();
		if (form.leaderUnitId() == null) {
			errors.put("leaderUnitId", text("inspection.plan.leaderUnit.required"));
		}
		for (MemberRow m : rows) {
			if ((!m.name().isEmpty() || !m.username().isEmpty()) && m.unitId() == null) {
				errors.put("members", text("inspection.plan.memberUnit.required"));
			}
		}
		if (errors.isEmpty()) {
			try {
				Group g = inspections.createGroup(user, new NewGroup(form.name(), form.leaderName(),
						form.leaderUnitId(), members, communities, units));
				redirect.addFlashAttribute("flash", text("inspection.plan.group.created", g.name()));
				return "redirect:/inspection";
			}
			catch (UserFacingException ex) {
				errors = errors(ex, "inspection.unit.invalid".equals(ex.messageKey()) ? "units" : "form");
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		common(user, model);
		return "inspection/plan-group";
	}

	// ---- check item

	record ItemForm(String text, String category, String weight, List<String> targetKinds) {
	}

	@GetMapping("/items/new")
	String newItem(CurrentUser user, Model model) {
		planner(user);
		common(user, model);
		model.addAttribute("form", new ItemForm("", "S0601", "1", List.of("COMMUNITY")));
		model.addAttribute("library", inspections.checkItems(user));
		return "inspection/plan-item";
	}

	@PostMapping("/items")
	String createItem(CurrentUser user, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		planner(user);
		ItemForm form = new ItemForm(value(params, "text"), value(params, "category"), value(params, "weight"),
				params.getOrDefault("targetKinds", List.of()));
		Map<String, String> errors = new HashMap<>();
		Integer weight = null;
		try {
			weight = Integer.valueOf(form.weight().strip());
		}
		catch (NumberFormatException ex) {
			errors.put("weight", text("inspection.item.weight.invalid"));
		}
		if (form.targetKinds().isEmpty()) {
			errors.put("targetKinds", text("inspection.item.kinds.invalid"));
		}
		if (errors.isEmpty()) {
			try {
				inspections.createCheckItem(user, new NewCheckItem(form.text(), form.category(), weight,
						form.targetKinds()));
				redirect.addFlashAttribute("flash", text("inspection.plan.item.created"));
				return "redirect:/inspection/plan/items/new";
			}
			catch (UserFacingException ex) {
				errors = errors(ex, "form");
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("library", inspections.checkItems(user));
		common(user, model);
		return "inspection/plan-item";
	}

	// ---- round

	record RoundForm(String title, String startsOn, String endsOn, List<Long> checkItemIds,
			Map<Long, List<String>> targets) {
	}

	@GetMapping("/rounds/new")
	String newRound(CurrentUser user, Model model) {
		planner(user);
		List<Group> groups = inspections.groups(user);
		Map<Long, List<String>> targets = new LinkedHashMap<>();
		groups.forEach(g -> targets.put(g.id(), g.communities()));
		LocalDate today = LocalDate.now();
		model.addAttribute("form", new RoundForm("", today.toString(), today.plusDays(4).toString(),
				inspections.checkItems(user).stream().map(i -> i.id()).toList(), targets));
		return round(user, model, groups);
	}

	private String round(CurrentUser user, Model model, List<Group> groups) {
		model.addAttribute("groups", groups);
		model.addAttribute("library", inspections.checkItems(user));
		common(user, model);
		return "inspection/plan-round";
	}

	@PostMapping("/rounds")
	String createRound(CurrentUser user, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		planner(user);
		List<Group> groups = inspections.groups(user);
		Map<Long, List<String>> targets = new LinkedHashMap<>();
		List<NewTarget> newTargets = new ArrayList<>();
		for (Group g : groups) {
			List<String> codes = params.getOrDefault("targets" + g.id(), List.of());
			targets.put(g.id(), codes);
			codes.forEach(c -> newTargets.add(new NewTarget(c, g.id())));
		}
		List<Long> items = params.getOrDefault("checkItemIds", List.of()).stream()
				.map(InspectionPlanController::number).filter(i -> i != null).toList();
		RoundForm form = new RoundForm(value(params, "title"), value(params, "startsOn"), value(params, "endsOn"),
				items, targets);
		Map<String, String> errors = new HashMap<>();
		LocalDate starts = date(form.startsOn());
		LocalDate ends = date(form.endsOn());
		if (starts == null || ends == null) {
			errors.put("dates", text("inspection.round.dates.invalid"));
		}
		if (errors.isEmpty()) {
			try {
				var round = inspections.createRound(user, new NewRound(form.title(), starts, ends, items, newTargets));
				redirect.addFlashAttribute("flash", text("inspection.plan.round.created", String.valueOf(
						round.number())));
				return "redirect:/inspection/rounds/" + round.id();
			}
			catch (UserFacingException ex) {
				errors = errors(ex, "form");
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return round(user, model, groups);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String v = params.getFirst(name);
		return v == null ? "" : v.strip();
	}

	private static @Nullable Long number(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return value.isEmpty() ? null : LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}
}
