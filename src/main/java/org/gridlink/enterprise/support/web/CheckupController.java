package org.gridlink.enterprise.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.enterprise.support.CheckupQuestions;
import org.gridlink.enterprise.support.CheckupStatus;
import org.gridlink.enterprise.support.LegalCheckups;
import org.gridlink.enterprise.support.Risk;
import org.gridlink.enterprise.support.SupportAccess;
import org.gridlink.enterprise.support.SupportDocuments;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Legal check-up pages for staff: the list (paged, in scope, findings by risk), an enterprise's check-ups with the
 * scheduling form, one check-up (answers, findings with their fix tasks, the revisit, a new link, the report PDF).
 */
@Controller
class CheckupController {

	private final LegalCheckups checkups;
	private final EnterpriseDirectory enterprises;
	private final SupportDocuments documents;
	private final MessageSource messages;
	private final AuditTrail audit;

	CheckupController(LegalCheckups checkups, EnterpriseDirectory enterprises, SupportDocuments documents,
			MessageSource messages, AuditTrail audit) {
		this.checkups = checkups;
		this.enterprises = enterprises;
		this.documents = documents;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping("/legal-checkups")
	String list(@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response) {
		String problem = null;
		ListPage<LegalCheckups.Checkup> rows;
		try {
			rows = checkups.page(user, status, ApiPaging.of(page, 20));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			problem = messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
			status = null;
			rows = checkups.page(user, null, ApiPaging.of(0, 20));
		}
		model.addAttribute("page", rows);
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("statuses", CheckupStatus.values());
		model.addAttribute("byRisk", checkups.openFindingsByRisk(user));
		model.addAttribute("problem", problem);
		return "enterprise/support/checkups";
	}

	@GetMapping("/enterprises/{id}/checkups")
	String ofEnterprise(@PathVariable long id, CurrentUser user, Model model) {
		return enterprisePage(id, user, model, null, null);
	}

	@PostMapping("/enterprises/{id}/checkups")
	String schedule(@PathVariable long id, @RequestParam(required = false) @Nullable String scheduledOn,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response, RedirectAttributes flash) {
		try {
			LegalCheckups.Scheduled s = checkups.schedule(user, id, scheduledOn);
			flash.addFlashAttribute("link", s.link());
			return "redirect:/legal-checkups/" + s.checkup().id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return enterprisePage(id, user, model, scheduledOn, Forms.errors(messages, locale, ex));
		}
	}

	private String enterprisePage(long id, CurrentUser user, Model model, @Nullable String typed,
			@Nullable FormErrors errors) {
		EnterpriseRef enterprise = enterprises.require(user, id);
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("rows", checkups.ofEnterprise(user, id));
		model.addAttribute("canRun", SupportAccess.canRunCheckups(user));
		model.addAttribute("scheduledOn", typed == null ? checkups.today().plusDays(7).toString() : typed);
		model.addAttribute("errors", errors);
		return "enterprise/support/enterprise-checkups";
	}

	@GetMapping("/legal-checkups/{id}")
	String checkup(@PathVariable long id, CurrentUser user, Model model) {
		return checkupPage(id, user, model, Map.of(), null, null);
	}

	@PostMapping({ "/legal-checkups/{id}/findings", "/legal-checkups/{id}/findings/{findingId}" })
	String finding(@PathVariable long id, @PathVariable(required = false) @Nullable Long findingId,
			@RequestParam Map<String, String> typed, CurrentUser user, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes flash) {
		try {
			checkups.saveFinding(user, id, findingId, new LegalCheckups.FindingInput(typed.get("area"),
					typed.get("description"), typed.get("risk"), typed.get("advice")));
			flash.addFlashAttribute("flashKey", "support.finding.saved");
			return "redirect:/legal-checkups/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return checkupPage(id, user, model, typed, findingId, Forms.errors(messages, locale, ex));
		}
	}

	@PostMapping("/legal-checkups/{id}/revisit")
	String revisit(@PathVariable long id, @RequestParam(required = false) @Nullable List<String> fixed,
			CurrentUser user, RedirectAttributes flash) {
		List<Long> ids = new ArrayList<>();
		for (String f : fixed == null ? List.<String>of() : fixed) {
			try {
				ids.add(Long.valueOf(f.strip()));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("support.field.choice", "fixed");
			}
		}
		try {
			checkups.revisit(user, id, ids);
			flash.addFlashAttribute("flashKey", "support.checkup.revisited");
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("flashKey", ex.messageKey());
		}
		return "redirect:/legal-checkups/" + id;
	}

	@PostMapping("/legal-checkups/{id}/link")
	String link(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("link", checkups.newLink(user, id));
		}
		catch (ConflictException ex) {
			flash.addFlashAttribute("flashKey", ex.messageKey());
		}
		return "redirect:/legal-checkups/" + id;
	}

	private String checkupPage(long id, CurrentUser user, Model model, Map<String, String> typed,
			@Nullable Long editing, @Nullable FormErrors errors) {
		LegalCheckups.Checkup c = checkups.get(user, id);
		model.addAttribute("c", c);
		model.addAttribute("answers", checkups.answers(id));
		model.addAttribute("findings", checkups.findings(id));
		model.addAttribute("areas", CheckupQuestions.Area.values());
		model.addAttribute("risks", Risk.values());
		model.addAttribute("canRun", SupportAccess.canRunCheckups(user));
		model.addAttribute("typed", typed);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		return "enterprise/support/checkup";
	}

	@GetMapping("/legal-checkups/{id}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable long id, CurrentUser user, Locale locale) {
		LegalCheckups.Checkup c = checkups.get(user, id);
		byte[] pdf = documents.checkupReport(c, checkups.answers(id), checkups.findings(id), locale);
		audit.record("enterprise.checkup.report", "legal-checkup", String.valueOf(id), AuditTrail.SUCCESS, null);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
						.filename("legal-checkup-" + id + ".pdf").build().toString())
				.body(pdf);
	}
}
