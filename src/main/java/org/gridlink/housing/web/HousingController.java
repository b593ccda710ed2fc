package org.gridlink.housing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.gridlink.housing.EligibilityRules;
import org.gridlink.housing.HousingAccess;
import org.gridlink.housing.HousingBoard;
import org.gridlink.housing.HousingLists;
import org.gridlink.housing.HousingProjects;
import org.gridlink.housing.HousingViews.NoticeInput;
import org.gridlink.housing.HousingViews.ObjectionInput;
import org.gridlink.housing.HousingViews.ProjectDetail;
import org.gridlink.housing.HousingViews.ProjectInput;
import org.gridlink.housing.HousingViews.RulesInput;
import org.gridlink.housing.HousingViews.Site;
import org.gridlink.housing.HousingViews.SiteInput;
import org.gridlink.housing.PriorityGroup;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of rural housing: the project list, the project form (center, township), a project's page (figures,
 * sites, rules, the list with each household's reasons, notice period, objections and answers, making it final), the
 * survey on a phone, and the public board (no login).
 */
@Controller
class HousingController {

	private static final int PAGE_SIZE = 50;

	private final HousingProjects projects;
	private final HousingLists lists;
	private final HousingBoard board;
	private final MessageSource messages;

	HousingController(HousingProjects projects, HousingLists lists, HousingBoard board, MessageSource messages) {
		this.projects = projects;
		this.lists = lists;
		this.board = board;
		this.messages = messages;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	private <T> @Nullable T attempt(RedirectAttributes redirect, String done, Supplier<T> step) {
		try {
			T result = step.get();
			redirect.addFlashAttribute("flash", text(done));
			return result;
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("flashError", text(ex.messageKey(), ex.arguments()));
			return null;
		}
	}

	@GetMapping("/housing")
	String list(CurrentUser user, Model model) {
		if (!HousingAccess.reads(user)) {
			throw new AccessDeniedException("housing");
		}
		model.addAttribute("projects", projects.list(user));
		model.addAttribute("manages", HousingAccess.managesProjects(user));
		model.addAttribute("surveys", HousingAccess.surveys(user));
		return "housing/projects";
	}

	// ------------------------------------------------------------------ project form

	@GetMapping("/housing/projects/new")
	String newProject(CurrentUser user, @RequestParam(required = false) @Nullable String township, Model model) {
		if (!HousingAccess.managesProjects(user)) {
			throw new AccessDeniedException("housing");
		}
		Map<String, String> townships = projects.townships(user);
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("townshipCode", township != null ? township : townships.size() == 1 ? townships.keySet().iterator()
				.next() : "");
		form.put("villageCodes", List.of());
		return form(user, null, form, List.of(), FormErrors.in(messages, Locale.ROOT), model);
	}

	@GetMapping("/housing/projects/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		ProjectDetail p = projects.detail(user, id);
		if (!projects.manages(user, id)) {
			throw new AccessDeniedException("housing");
		}
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", p.summary().name());
		form.put("townshipCode", p.summary().townshipCode());
		form.put("villageCodes", List.copyOf(p.villages().keySet()));
		form.put("budgetYuan", String.valueOf(p.summary().budgetFen() / 100));
		form.put("handOverOn", p.summary().handOverOn().toString());
		List<SiteInput> sites = p.sites().stream().map(s -> new SiteInput(s.id(), s.name(), s.villageCode(), s.address(),
				s.buildings(), s.plots())).toList();
		return form(user, id, form, sites, FormErrors.in(messages, Locale.ROOT), model);
	}

	@PostMapping({ "/housing/projects", "/housing/projects/{id}" })
	String save(CurrentUser user, @PathVariable(required = false) @Nullable Long id,
			@RequestParam MultiValueMap<String, String> params, Locale locale, Model model, RedirectAttributes redirect) {
		if (!HousingAccess.managesProjects(user) || (id != null && !projects.manages(user, projects.detail(user, id)
				.summary().id()))) {
			throw new AccessDeniedException("housing");
		}
		FormErrors errors = FormErrors.in(messages, locale);
		Long budget = null;
		String budgetText = first(params, "budgetYuan");
		try {
			budget = budgetText.isBlank() ? null : Long.valueOf(budgetText.strip());
		}
		catch (NumberFormatException ex) {
			errors.addKey("budgetYuan", "housing.project.budget.invalid");
		}
		LocalDate handOver = null;
		try {
			handOver = first(params, "handOverOn").isBlank() ? null : LocalDate.parse(first(params, "handOverOn").strip());
		}
		catch (DateTimeParseException ex) {
			errors.addKey("handOverOn", "housing.project.handover.invalid");
		}
		List<SiteInput> sites = new ArrayList<>();
		List<String> names = params.getOrDefault("siteName", List.of());
		for (int i = 0; i < names.size(); i++) {
			String siteId = at(params, "siteId", i);
			if (names.get(i).isBlank() && siteId.isBlank()) {
				continue;
			}
			try {
				sites.add(new SiteInput(siteId.isBlank() ? null : Long.valueOf(siteId), names.get(i),
						at(params, "siteVillage", i), at(params, "siteAddress", i),
						Integer.valueOf(at(params, "siteBuildings", i).strip()),
						Integer.valueOf(at(params, "sitePlots", i).strip())));
			}
			catch (NumberFormatException ex) {
				errors.addKey("sites", "housing.project.site.invalid", i + 1);
			}
		}
		ProjectInput input = new ProjectInput(first(params, "name"), first(params, "townshipCode"),
				params.getOrDefault("villageCodes", List.of()), budget, handOver, sites);
		projects.problems(user, input, id).forEach((field, problem) -> errors.add(field, problem));
		if (errors.isEmpty()) {
			try {
				long saved;
				if (id == null) {
					saved = projects.create(user, input);
				}
				else {
					projects.update(user, id, input);
					saved = id;
				}
				redirect.addFlashAttribute("flash", messages.getMessage("housing.project.saved", null, locale));
				return "redirect:/housing/projects/" + saved;
			}
			catch (InvalidInputException ex) {
				errors.add("name", ex);
			}
		}
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", first(params, "name"));
		form.put("townshipCode", first(params, "townshipCode"));
		form.put("villageCodes", params.getOrDefault("villageCodes", List.of()));
		form.put("budgetYuan", budgetText);
		form.put("handOverOn", first(params, "handOverOn"));
		return form(user, id, form, sites, errors, model);
	}

	private static String first(MultiValueMap<String, String> params, String key) {
		String v = params.getFirst(key);
		return v == null ? "" : v;
	}

	private static String at(MultiValueMap<String, String> params, String key, int i) {
		List<String> values = params.getOrDefault(key, List.of());
		return i < values.size() && values.get(i) != null ? values.get(i) : "";
	}

	private String form(CurrentUser user, @Nullable Long id, Map<String, Object> form, List<SiteInput> sites,
			FormErrors errors, Model model) {
		model.addAttribute("projectId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("townships", projects.townships(user));
		model.addAttribute("villages", projects.villagesOf(user, (String) form.get("townshipCode")));
		List<SiteInput> rows = new ArrayList<>(sites);
		for (int i = 0; i < 2; i++) {
			rows.add(new SiteInput(null, "", "", "", 1, 0));
		}
		model.addAttribute("sites", rows);
		return "housing/project-form";
	}

	// ------------------------------------------------------------------ a project

	@GetMapping("/housing/projects/{id}")
	String project(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable Boolean eligible, Locale locale, Model model) {
		ProjectDetail p = projects.detail(user, id);
		model.addAttribute("project", p);
		model.addAttribute("households", lists.households(user, id, eligible, PageRequest.of(Math.max(0, page),
				PAGE_SIZE), locale));
		model.addAttribute("eligible", eligible);
		model.addAttribute("objections", lists.objections(user, id));
		model.addAttribute("manages", projects.manages(user, id));
		model.addAttribute("runs", HousingAccess.runsList(user));
		model.addAttribute("records", HousingAccess.recordsObjections(user));
		model.addAttribute("answers", HousingAccess.answersObjections(user));
		model.addAttribute("surveys", HousingAccess.surveys(user));
		model.addAttribute("allGroups", PriorityGroup.values());
		model.addAttribute("grades", EligibilityRules.GRADES);
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("siteNames", p.sites().stream().collect(java.util.stream.Collectors.toMap(Site::id,
				Site::name)));
		return "housing/project";
	}

	@PostMapping("/housing/projects/{id}/rules")
	String rules(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable List<String> priorityGroups,
			@RequestParam(required = false) @Nullable List<String> unsafeGrades,
			@RequestParam(required = false) @Nullable String groupRequired, RedirectAttributes redirect) {
		attempt(redirect, "housing.rules.saved", () -> lists.saveRules(user, id, new RulesInput(priorityGroups,
				unsafeGrades, groupRequired != null)));
		return "redirect:/housing/projects/" + id + "#rules";
	}

	@PostMapping("/housing/projects/{id}/eligibility")
	String run(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, "housing.list.computed", () -> lists.run(user, id));
		return "redirect:/housing/projects/" + id + "#list";
	}

	@PostMapping("/housing/projects/{id}/notice")
	String notice(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String startsOn,
			@RequestParam(required = false) @Nullable String endsOn, RedirectAttributes redirect) {
		attempt(redirect, "housing.notice.opened", () -> {
			lists.openNotice(user, id, new NoticeInput(date(startsOn, "housing.notice.dates.invalid"),
					date(endsOn, "housing.notice.dates.invalid")));
			return true;
		});
		return "redirect:/housing/projects/" + id + "#list";
	}

	@PostMapping("/housing/projects/{id}/objections")
	String objection(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String householdId,
			@RequestParam(required = false) @Nullable String villageCode,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String raisedOn, RedirectAttributes redirect) {
		attempt(redirect, "housing.objection.recorded", () -> {
			Long household;
			try {
				household = householdId == null || householdId.isBlank() ? null : Long.valueOf(householdId.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("housing.survey.household.invalid");
			}
			return lists.recordObjection(user, id, new ObjectionInput(household, villageCode, text,
					date(raisedOn, "housing.objection.date.invalid")));
		});
		return "redirect:/housing/projects/" + id + "#objections";
	}

	@PostMapping("/housing/objections/{oid}/answer")
	String answer(CurrentUser user, @PathVariable long oid, @RequestParam long project,
			@RequestParam(required = false) @Nullable String answer, RedirectAttributes redirect) {
		attempt(redirect, "housing.objection.answered", () -> {
			lists.answer(user, oid, answer);
			return true;
		});
		return "redirect:/housing/projects/" + project + "#objections";
	}

	@PostMapping("/housing/projects/{id}/final")
	String finalise(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, "housing.list.finalised", () -> lists.finalise(user, id));
		return "redirect:/housing/projects/" + id + "#list";
	}

	private static @Nullable LocalDate date(@Nullable String text, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(key, 90);
		}
	}

	// ------------------------------------------------------------------ survey on the phone

	@GetMapping("/housing/projects/{id}/survey")
	String survey(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Locale locale,
			Model model) {
		if (!HousingAccess.surveys(user)) {
			throw new AccessDeniedException("housing survey");
		}
		ProjectDetail p = projects.detail(user, id);
		model.addAttribute("project", p);
		model.addAttribute("households", lists.households(user, id, null, PageRequest.of(Math.max(0, page), 30),
				locale));
		model.addAttribute("allGroups", PriorityGroup.values());
		model.addAttribute("grades", EligibilityRules.GRADES);
		model.addAttribute("willingness", HousingSurveysWords.WILLINGNESS);
		return "housing/survey";
	}

	// ------------------------------------------------------------------ public board

	@GetMapping("/housing/{projectId:\\d+}")
	String board(@PathVariable long projectId, Model model) {
		HousingBoard.Board b = board.board(projectId);
		model.addAttribute("board", b);
		b.sections().forEach(s -> model.addAttribute(s.key(), s.data()));
		return "housing/board";
	}

	/** The willingness codes in form order. */
	static final class HousingSurveysWords {

		static final List<String> WILLINGNESS = List.of("WILLING", "UNDECIDED", "UNWILLING");

		private HousingSurveysWords() {
		}
	}

}
