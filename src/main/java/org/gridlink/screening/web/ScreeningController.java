package org.gridlink.screening.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.screening.CampaignStatus;
import org.gridlink.screening.CampaignView;
import org.gridlink.screening.Progress;
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
	private final Clock clock;

	ScreeningController(Screening screening, MessageSource messages, Clock clock) {
		this.screening = screening;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/screening")
	String list(CurrentUser user, Model model) {
		List<CampaignView> campaigns = screening.list(user);
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("canCreate", screening.canCreate(user));
		return "screening/list";
	}

	@GetMapping("/screening/new")
	String form(CurrentUser user, Model model) {
		if (!screening.canCreate(user)) {
			throw new OutOfScopeException("screeningCampaign", "manage");
		}
		CampaignForm form = CampaignForm.blank(user.scope().codes().stream().sorted().findFirst().orElse(""),
				LocalDate.now(clock));
		return showForm(form, List.of(), model);
	}

	@PostMapping("/screening")
	String create(CurrentUser user, CampaignForm form, Model model, Locale locale) {
		try {
			CampaignView campaign = screening.create(user, form.campaign());
			return "redirect:/screening/" + campaign.id();
		}
		catch (InvalidInputException ex) {
			String message = messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
			if (ex.messageKey().startsWith("screening.jurisdiction.")) {
				model.addAttribute("jurisdictionError", message);
			}
			return showForm(form, List.of(message), model);
		}
	}

	private static String showForm(CampaignForm form, List<String> errors, Model model) {
		model.addAttribute("form", form.fields());
		model.addAttribute("questions", CampaignForm.QUESTIONS);
		model.addAttribute("checked", form.checked());
		model.addAttribute("errors", errors);
		return "screening/new";
	}

	@GetMapping("/screening/{id}")
	String detail(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String jurisdiction, Model model) {
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("coversCampaign", user.scope().covers(campaign.jurisdictionCode()));
		model.addAttribute("canManage", screening.canManage(user, campaign));
		model.addAttribute("canRecord", screening.canRecord(user, campaign));
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
	String preparing(CurrentUser user, @PathVariable long id, Model model, HttpServletResponse response) {
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		if (campaign.status() != CampaignStatus.STARTING) {
			response.setHeader("HX-Refresh", "true");
		}
		return "screening/detail :: preparing";
	}

	@GetMapping(value = "/screening/{id}/progress")
	String progress(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String jurisdiction, Model model) {
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("coversCampaign", user.scope().covers(campaign.jurisdictionCode()));
		model.addAttribute("progress", screening.progress(user, id, jurisdiction));
		return "screening/detail :: progress";
	}

	@PostMapping("/screening/{id}/start")
	String start(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(() -> screening.start(user, id), id, redirect, locale);
	}

	@PostMapping("/screening/{id}/close")
	String close(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return act(() -> screening.close(user, id), id, redirect, locale);
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
	String work(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String grid,
			Model model) {
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
	String keyPersons(CurrentUser user, @PathVariable long id, Model model) {
		CampaignView campaign = screening.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("canManage", screening.canManage(user, campaign) || screening.canAssign(user));
		model.addAttribute("persons", screening.keyPersons(user, id));
		return "screening/key-persons";
	}

	@PostMapping("/screening/{id}/key-persons/{residentId}/owner")
	String owner(CurrentUser user, @PathVariable long id, @PathVariable long residentId,
			@RequestParam(required = false) String owner,
			RedirectAttributes redirect, Locale locale) {
		try {
			screening.assignOwner(user, id, residentId, owner);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		return "redirect:/screening/" + id + "/key-persons";
	}

	@GetMapping("/screening/{id}/export.xlsx")
	void export(CurrentUser user, @PathVariable long id, HttpServletResponse response,
			Locale locale) throws IOException {
		screening.get(user, id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"screening-" + id + ".xlsx\"");
		screening.export(user, id, locale, response.getOutputStream());
	}
}
