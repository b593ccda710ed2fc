package org.gridlink.quarantine.web;

import org.gridlink.platform.QrSvg;
import org.gridlink.platform.PublicUrls;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gridlink.cases.CaseWork;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.quarantine.CheckInLinks;
import org.gridlink.quarantine.CheckIns;
import org.gridlink.quarantine.MonitoringAccess;
import org.gridlink.quarantine.MonitoringBoard;
import org.gridlink.quarantine.MonitoringFilters;
import org.gridlink.quarantine.QuarantineAlerts;
import org.gridlink.quarantine.VisitInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of home quarantine monitoring: the board per district, street, community and grid with drill-down
 * lists, today's alerts, and an order's monitoring page (its check-in link and QR code, the grid worker's visit
 * form, its check-ins and alerts). All within the user's scope.
 */
@Controller
class MonitoringController {

	static final int PAGE_SIZE = 50;

	private final PublicUrls urls;

	private final MonitoringBoard board;
	private final QuarantineAlerts alerts;
	private final CheckIns checkIns;
	private final CheckInLinks links;
	private final MessageSource messages;
	private final CaseWork caseWork;
	private final HistoryWords words;

	MonitoringController(MonitoringBoard board, QuarantineAlerts alerts, CheckIns checkIns, CheckInLinks links,
			MessageSource messages, CaseWork caseWork, HistoryWords words, PublicUrls urls) {
		this.urls = urls;
		this.caseWork = caseWork;
		this.words = words;
		this.board = board;
		this.alerts = alerts;
		this.checkIns = checkIns;
		this.links = links;
		this.messages = messages;
	}

	@GetMapping("/quarantine/monitoring")
	String board(CurrentUser user, @RequestParam(required = false) @Nullable String code, Model model) {
		model.addAttribute("board", board.board(user, code));
		return "quarantine/checkins/board";
	}

	@GetMapping("/quarantine/monitoring/people")
	String people(CurrentUser user, @RequestParam(required = false) @Nullable String code, @RequestParam String figure,
			@RequestParam(defaultValue = "0") int page, Model model) {
		MonitoringBoard.Figure which = MonitoringFilters.figure(figure);
		model.addAttribute("board", board.board(user, code));
		model.addAttribute("figure", which);
		model.addAttribute("people", board.list(user, code, which, ApiPaging.of(page, PAGE_SIZE)));
		return "quarantine/checkins/people";
	}

	@GetMapping("/quarantine/alerts")
	String alerts(CurrentUser user, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(defaultValue = "0") int page,
			Model model) {
		LocalDate date = day == null ? LocalDate.now(alerts.zone()) : day.isBlank() ? null : MonitoringFilters.day(day);
		QuarantineAlerts.Kind k = kind == null || kind.isBlank() ? null : MonitoringFilters.kind(kind);
		model.addAttribute("day", date);
		model.addAttribute("kind", k);
		model.addAttribute("alerts", alerts.list(user, date, k, null, ApiPaging.of(page, PAGE_SIZE)));
		// the duty desk is the center's: linked only for those the cases module lets in
		model.addAttribute("dutyDesk", caseWork.canOpenDutyDesk(user));
		return "quarantine/checkins/alerts";
	}

	@GetMapping("/quarantine/orders/{id}/monitoring")
	String order(CurrentUser user, @PathVariable long id, Model model) {
		return orderPage(user, id, model, emptyVisit(), FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/quarantine/orders/{id}/monitoring/link")
	String issue(CurrentUser user, @PathVariable long id, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		CheckInLinks.IssuedLink link;
		try {
			link = links.issue(user, id);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
			return "redirect:/quarantine/orders/" + id + "/monitoring";
		}
		String url = urls.absolute(link.path());
		model.addAttribute("issuedUrl", url);
		model.addAttribute("issuedQr", QrSvg.of(url));
		response.setHeader("Cache-Control", "no-store");
		return orderPage(user, id, model, emptyVisit(), FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/quarantine/orders/{id}/monitoring/visits")
	String visit(CurrentUser user, @PathVariable long id, @Valid VisitInput visit, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		FormErrors errors = FormErrors.in(messages, locale);
		try {
			checkIns.visit(user, id, visit);
			redirect.addFlashAttribute("message", messages.getMessage("checkins.visit.saved", null, locale));
			return "redirect:/quarantine/orders/" + id + "/monitoring";
		}
		catch (InvalidInputException ex) {
			errors.add(field(ex.messageKey()), ex);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
			return "redirect:/quarantine/orders/" + id + "/monitoring";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("result", visit.result() == null ? "" : visit.result());
		form.put("temperature", visit.temperature() == null ? "" : visit.temperature());
		form.put("note", visit.note() == null ? "" : visit.note());
		form.put("symptoms", visit.symptoms() == null ? List.of() : visit.symptoms());
		return orderPage(user, id, model, form, errors);
	}

	private String orderPage(CurrentUser user, long id, Model model, Map<String, Object> form, FormErrors errors) {
		var monitoring = checkIns.monitoring(user, id);
		model.addAttribute("monitoring", monitoring);
		model.addAttribute("people", words.people(monitoring.checkIns().stream().map(c -> c.recordedBy()).toList()));
		model.addAttribute("symptomCodes", checkIns.rules().symptoms());
		model.addAttribute("canRecord", MonitoringAccess.canRecord(user));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "quarantine/checkins/order";
	}

	/** A bad filter or figure in the address: 400 with the error page. */
	@ExceptionHandler(InvalidInputException.class)
	void invalid(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	private static Map<String, Object> emptyVisit() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("result", "SEEN");
		form.put("temperature", "");
		form.put("note", "");
		form.put("symptoms", List.of());
		return form;
	}

	/** The form field a problem belongs to, from its message key (checkins.temperature.invalid → temperature). */
	static String field(String key) {
		if (key.startsWith("checkins.temperature")) {
			return "temperature";
		}
		if (key.startsWith("checkins.symptom")) {
			return "symptoms";
		}
		if (key.startsWith("checkins.note")) {
			return "note";
		}
		return key.startsWith("checkins.visit.result") ? "result" : "form";
	}



}
