package org.gridlink.notices.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.notices.Inbox;
import org.gridlink.notices.NoticeStatus;
import org.gridlink.notices.NoticeView;
import org.gridlink.notices.Notices;
import org.gridlink.notices.PrintLists;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.gridlink.platform.UserFacingException;
import org.gridlink.residents.Residents;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Notice pages: the list, the new-notice form with its live recipient count, the approval queue, one notice. */
@Controller
class NoticeController {

	private final Notices notices;
	private final Inbox inbox;
	private final PrintLists printLists;
	private final Residents residents;
	private final JurisdictionDirectory places;
	private final MessageSource messages;
	private final ZoneId zone;
	private final org.gridlink.jurisdiction.BuildingDirectory buildings;
	private final org.gridlink.screening.Screening screening;

	NoticeController(Notices notices, Inbox inbox, PrintLists printLists, Residents residents, JurisdictionDirectory places,
			MessageSource messages, @Value("${gridlink.time-zone:Asia/Shanghai}") String zone,
			org.gridlink.jurisdiction.BuildingDirectory buildings, org.gridlink.screening.Screening screening) {
		this.buildings = buildings;
		this.screening = screening;
		this.notices = notices;
		this.inbox = inbox;
		this.printLists = printLists;
		this.residents = residents;
		this.places = places;
		this.messages = messages;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/notices")
	String list(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		var notices = this.notices.list(user, null, PageRequest.of(Math.max(page, 0), 20));
		model.addAttribute("page", notices);
		model.addAttribute("canWrite", this.notices.canWrite(user));
		model.addAttribute("canApprove", this.notices.canApprove(user));
		model.addAttribute("names", names(notices.getContent()));
		return "notices/list";
	}

	@GetMapping("/notices/approvals")
	String approvals(CurrentUser user, Model model) {
		if (!notices.canApprove(user)) {
			throw new OutOfScopeException("notices", "approve");
		}
		List<NoticeView> queue = notices.approvalQueue(user);
		model.addAttribute("queue", queue);
		model.addAttribute("names", names(queue));
		return "notices/approvals";
	}

	@GetMapping("/notices/new")
	String form(CurrentUser user, Model model) {
		if (!notices.canWrite(user)) {
			throw new OutOfScopeException("notices", "write");
		}
		String place = user.scope().codes().stream().sorted().findFirst().orElse("");
		return form(user, model, NoticeForm.empty(place), null);
	}

	@PostMapping("/notices")
	String create(CurrentUser user, @ModelAttribute NoticeForm form, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			NoticeView created = notices.create(user, form.input(zone));
			redirect.addFlashAttribute("flash", messages.getMessage("notices.created", null, locale));
			return "redirect:/notices/" + created.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			FormErrors errors = FormErrors.in(messages, locale).add(field(ex), ex);
			return form(user, model, form, errors);
		}
	}

	/** The live recipient count of the form (htmx). */
	@PostMapping("/notices/count")
	String count(CurrentUser user, @ModelAttribute NoticeForm form, Model model, Locale locale) {
		try {
			model.addAttribute("preview", notices.preview(user, form.input(zone)));
		}
		catch (UserFacingException ex) {
			model.addAttribute("countProblem", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "notices/new :: count";
	}

	@GetMapping("/notices/{id}")
	String notice(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String under, Model model) {
		NoticeView notice = notices.get(user, id);
		model.addAttribute("notice", notice);
		// delivery counts drill down from the narrowest place holding the notice's places to its grids, then failures
		String top = notices.countsFrom(notice);
		String level = under == null || under.isBlank() ? top : under.strip();
		List<NoticeView.PlaceCounts> byPlace = notices.byPlace(user, id, level.isEmpty() ? null : level);
		model.addAttribute("byPlace", byPlace);
		model.addAttribute("place", place);
		model.addAttribute("under", level);
		model.addAttribute("underLevel", level.isEmpty() ? "STREET" // per community, as under a street
				: org.gridlink.shared.JurisdictionCode.of(level).level().name());
		model.addAttribute("up", level.isEmpty() || level.equals(top) || !top.isEmpty()
				&& !org.gridlink.shared.JurisdictionCode.of(top).contains(org.gridlink.shared.JurisdictionCode.of(level))
				? null : parent(level));
		List<NoticeView.Failure> failures = notices.failures(user, id, place);
		model.addAttribute("failures", failures);
		model.addAttribute("notRead", inbox.notRead(user, id));
		model.addAttribute("history", notices.history(user, id));
		Set<String> codes = new HashSet<>(notice.jurisdictions());
		byPlace.forEach(p -> codes.add(p.code()));
		if (!level.isEmpty()) {
			codes.add(level);
		}
		failures.forEach(f -> codes.add(f.place()));
		model.addAttribute("names", places.names(codes));
		// the compounds, buildings and campaign chosen, by name (ids the caller may no longer see are left out)
		model.addAttribute("chosenCompounds", buildings.compounds(notice.compounds()).stream()
				.map(org.gridlink.jurisdiction.BuildingDirectory.CompoundRef::name).toList());
		model.addAttribute("chosenBuildings", buildings.buildings(notice.buildings()).stream()
				.map(b -> b.compound() + " " + b.name()).toList());
		model.addAttribute("chosenCampaign", notice.screeningCampaign() == null ? null
				: screening.campaignChoices(user).stream().filter(c -> c.id() == notice.screeningCampaign())
						.map(org.gridlink.screening.Screening.CampaignChoice::name).findFirst()
						.orElse("#" + notice.screeningCampaign()));
		model.addAttribute("mayApprove", notice.status() == NoticeStatus.PENDING_APPROVAL && notices.canApprove(user)
				&& !user.username().equals(notice.createdBy()));
		model.addAttribute("maySend", notice.status() == NoticeStatus.APPROVED && notices.canWrite(user));
		model.addAttribute("printLists", PrintLists.available(notice));
		model.addAttribute("mayCancel", !notice.status().isFinal() && notice.status() != NoticeStatus.SENDING);
		return "notices/notice";
	}

	/** The place one level up: a grid's community, a community's street, a street's district. */
	static String parent(String code) {
		return switch (org.gridlink.shared.JurisdictionCode.of(code).level()) {
			case GRID -> code.substring(0, 12);
			case COMMUNITY -> code.substring(0, 9) + "000";
			default -> code.substring(0, 6) + "000000";
		};
	}

	/** The printed door-to-door lists of a notice: one PDF, a page per building. */
	@GetMapping(value = "/notices/{id}/print.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> print(CurrentUser user, @PathVariable long id, Locale locale,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		byte[] pdf;
		try {
			pdf = printLists.pdf(user, id, locale);
		}
		catch (org.gridlink.platform.ConflictException ex) {
			org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), locale));
			org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap("/notices/" + id, request,
					response);
			return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/notices/" + id).build();
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"notice-" + id + "-lists.pdf\"")
				.header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
	}

	@PostMapping("/notices/{id}/{action:approve|send|cancel}")
	String step(CurrentUser user, @PathVariable long id, @PathVariable String action, Locale locale,
			RedirectAttributes redirect) {
		try {
			switch (action) {
				case "approve" -> notices.approve(user, id);
				case "send" -> notices.send(user, id);
				default -> notices.cancel(user, id);
			}
			redirect.addFlashAttribute("flash", messages.getMessage("notices.done." + action, null, locale));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/notices/" + id;
	}

	private String form(CurrentUser user, Model model, NoticeForm form, @Nullable FormErrors errors) {
		model.addAttribute("form", form);
		// where residents live, within the writer's area: compounds, buildings, screening campaigns (names, not codes)
		var compounds = buildings.compoundsWithin(user.scope());
		model.addAttribute("compounds", compounds);
		model.addAttribute("buildingChoices", buildings.buildingsWithin(user.scope()));
		model.addAttribute("campaigns", screening.campaignChoices(user));
		List<String> grids = new ArrayList<>();
		compounds.forEach(c -> grids.add(c.gridCode()));
		model.addAttribute("gridNames", places.names(grids));
		model.addAttribute("errors", errors);
		model.addAttribute("tagTypes", residents.tagTypes());
		model.addAttribute("roles", List.of(Role.GRID_WORKER, Role.COMMUNITY, Role.STREET, Role.POLICE, Role.PROPERTY,
				Role.DEPT, Role.CENTER, Role.LEADER));
		model.addAttribute("channels", notices.channels());
		return "notices/new";
	}

	/** The form field a refusal belongs to: the second part of its key ({@code notices.<field>.…}). */
	static String field(InvalidInputException ex) {
		String[] parts = ex.messageKey().split("\\.");
		return parts.length > 2 && "notices".equals(parts[0]) ? parts[1] : "title";
	}

	private java.util.Map<String, String> names(List<NoticeView> notices) {
		List<String> codes = new ArrayList<>();
		notices.forEach(n -> codes.addAll(n.jurisdictions()));
		return places.names(codes);
	}
}
