package org.gridlink.screening.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.screening.CampaignStatus;
import org.gridlink.screening.CampaignView;
import org.gridlink.screening.NewCampaign;
import org.gridlink.screening.Progress;
import org.gridlink.screening.Questionnaire;
import org.gridlink.screening.Screening;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screening pages: the campaign list, the form for a new one, a campaign's page with its live progress (an htmx
 * fragment refreshed every 5 s; while the campaign is STARTING, a "preparing tasks" bar polled every second), the grid worker's phone page, the key-person list and the Excel export. Every
 * read and write goes through the scoped {@link Screening} facade.
 */
@Controller
class ScreeningController {

	private final Screening screening;
	private final MessageSource messages;

	ScreeningController(Screening screening, MessageSource messages) {
		this.screening = screening;
		this.messages = messages;
	}

	@GetMapping("/screening")
	String list(Model model) {
		CurrentUser user = CurrentUsers.current();
		List<CampaignView> campaigns = screening.list(user);
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("canCreate", screening.canCreate(user));
		return "screening/list";
	}

	@GetMapping("/screening/new")
	String form(Model model) {
		if (!screening.canCreate(CurrentUsers.current())) {
			throw new OutOfScopeException("screeningCampaign", "manage");
		}
		Questionnaire q = Questionnaire.standard();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "");
		form.put("jurisdictionCode", CurrentUsers.current().scope().codes().stream().sorted().findFirst().orElse(""));
		form.put("from", LocalDate.now().toString());
		form.put("to", LocalDate.now().plusDays(2).toString());
		form.put("symptomList", String.join("\n", q.symptomList()));
		form.put("travelAreas", "");
		model.addAttribute("form", form);
		model.addAttribute("questions", List.of("temperature", "symptoms", "travel", "contact", "note"));
		model.addAttribute("checked", List.of("temperature", "symptoms", "travel", "contact", "note"));
		model.addAttribute("errors", List.of());
		return "screening/new";
	}

	@PostMapping("/screening")
	String create(@RequestParam Map<String, String> params,
			@RequestParam(name = "questions", required = false) @Nullable List<String> questions, Model model,
			Locale locale) {
		CurrentUser user = CurrentUsers.current();
		List<String> on = questions == null ? List.of() : questions;
		try {
			Questionnaire questionnaire = new Questionnaire(on.contains("temperature"), on.contains("symptoms"),
					lines(params.get("symptomList")), on.contains("travel"), lines(params.get("travelAreas")),
					on.contains("contact"), on.contains("note"));
			CampaignView campaign = screening.create(user, new NewCampaign(params.get("name"),
					params.get("jurisdictionCode"), date(params.get("from")), date(params.get("to")), questionnaire));
			return "redirect:/screening/" + campaign.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", params);
			model.addAttribute("questions", List.of("temperature", "symptoms", "travel", "contact", "note"));
			model.addAttribute("checked", on);
			model.addAttribute("errors",
					List.of(messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale)));
			return "screening/new";
		}
	}

	@GetMapping("/screening/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String jurisdiction, Model model) {
		CurrentUser user = CurrentUsers.current();
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("coversCampaign", user.scope().covers(campaign.jurisdictionCode()));
		model.addAttribute("canManage", screening.canManage(user, campaign));
		model.addAttribute("canRecord", screening.canRecord(user) && campaign.status() == CampaignStatus.RUNNING
				&& !screening.myGrids(user, id).isEmpty());
		if (campaign.status() == CampaignStatus.RUNNING || campaign.status() == CampaignStatus.CLOSED) {
			model.addAttribute("progress", screening.progress(user, id, jurisdiction));
		}
		return "screening/detail";
	}

	/**
	 * The "preparing tasks" bar of a STARTING campaign, polled every second by htmx; once the campaign is RUNNING
	 * the answer asks htmx to reload the page (HX-Refresh), which then shows the normal campaign page.
	 */
	@GetMapping("/screening/{id}/preparing")
	String preparing(@PathVariable long id, Model model, HttpServletResponse response) {
		CampaignView campaign = screening.get(CurrentUsers.current(), id);
		model.addAttribute("campaign", campaign);
		if (campaign.status() != CampaignStatus.STARTING) {
			response.setHeader("HX-Refresh", "true");
		}
		return "screening/detail :: preparing";
	}

	@GetMapping(value = "/screening/{id}/progress")
	String progress(@PathVariable long id, @RequestParam(required = false) @Nullable String jurisdiction, Model model) {
		CurrentUser user = CurrentUsers.current();
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("coversCampaign", user.scope().covers(campaign.jurisdictionCode()));
		model.addAttribute("progress", screening.progress(user, id, jurisdiction));
		return "screening/detail :: progress";
	}

	@PostMapping("/screening/{id}/start")
	String start(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(() -> screening.start(CurrentUsers.current(), id), id, redirect, locale);
	}

	@PostMapping("/screening/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(() -> screening.close(CurrentUsers.current(), id), id, redirect, locale);
	}

	private String act(Runnable action, long id, RedirectAttributes redirect, Locale locale) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		return "redirect:/screening/" + id;
	}

	/** The grid worker's phone page: their households in walking order, one tap per household. */
	@GetMapping("/screening/{id}/work")
	String work(@PathVariable long id, @RequestParam(required = false) @Nullable String grid, Model model) {
		CurrentUser user = CurrentUsers.current();
		CampaignView campaign = screening.get(user, id);
		List<String> grids = screening.myGrids(user, id);
		String chosen = grid != null && !grid.isBlank() ? grid : grids.isEmpty() ? null : grids.get(0);
		model.addAttribute("campaign", campaign);
		model.addAttribute("grids", grids);
		model.addAttribute("grid", chosen);
		model.addAttribute("households", chosen == null ? List.of() : screening.households(user, id, chosen));
		return "screening/work";
	}

	@GetMapping("/screening/{id}/key-persons")
	String keyPersons(@PathVariable long id, Model model) {
		CurrentUser user = CurrentUsers.current();
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("canManage", screening.canManage(user, campaign) || screening.canAssign(user));
		model.addAttribute("persons", screening.keyPersons(user, id));
		return "screening/key-persons";
	}

	@PostMapping("/screening/{id}/key-persons/{residentId}/owner")
	String owner(@PathVariable long id, @PathVariable long residentId, @RequestParam(required = false) String owner,
			RedirectAttributes redirect, Locale locale) {
		try {
			screening.assignOwner(CurrentUsers.current(), id, residentId, owner);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		return "redirect:/screening/" + id + "/key-persons";
	}

	@GetMapping("/screening/{id}/export.xlsx")
	void export(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		CurrentUser user = CurrentUsers.current();
		screening.get(user, id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"screening-" + id + ".xlsx\"");
		screening.export(user, id, locale, response.getOutputStream());
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,，、]+")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList();
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
