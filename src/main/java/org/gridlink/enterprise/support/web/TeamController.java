package org.gridlink.enterprise.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.enterprise.support.Advisor;
import org.gridlink.enterprise.support.AdvisorInput;
import org.gridlink.enterprise.support.AdvisoryTeams;
import org.gridlink.enterprise.support.Seat;
import org.gridlink.enterprise.support.SupportAccess;
import org.gridlink.enterprise.support.SupportDocuments;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.QrSvg;
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

/** An enterprise's advisory team: the four seats, the form to set them, the contact card (PDF) and its QR code. */
@Controller
class TeamController {

	private final AdvisoryTeams teams;
	private final EnterpriseDirectory enterprises;
	private final SupportDocuments documents;
	private final MessageSource messages;
	private final AuditTrail audit;

	TeamController(AdvisoryTeams teams, EnterpriseDirectory enterprises, SupportDocuments documents,
			MessageSource messages, AuditTrail audit) {
		this.teams = teams;
		this.enterprises = enterprises;
		this.documents = documents;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping("/enterprises/{id}/team")
	String team(@PathVariable long id, CurrentUser user, Model model) {
		return page(id, user, model, null, null);
	}

	@PostMapping("/enterprises/{id}/team")
	String save(@PathVariable long id, @RequestParam Map<String, String> typed, CurrentUser user, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes flash) {
		try {
			teams.save(user, id, inputs(typed));
			flash.addFlashAttribute("flashKey", "support.team.saved");
			return "redirect:/enterprises/" + id + "/team";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(id, user, model, typed, Forms.errors(messages, locale, ex));
		}
	}

	static List<AdvisorInput> inputs(Map<String, String> typed) {
		List<AdvisorInput> seats = new ArrayList<>();
		for (Seat seat : Seat.values()) {
			String p = seat.name().toLowerCase(Locale.ROOT);
			if (typed.containsKey(p + "Name")) {
				seats.add(new AdvisorInput(seat.name(), typed.get(p + "Name"), typed.get(p + "Organisation"),
						typed.get(p + "Phone")));
			}
		}
		return seats;
	}

	private String page(long id, CurrentUser user, Model model, @Nullable Map<String, String> typed,
			@Nullable FormErrors errors) {
		EnterpriseRef enterprise = enterprises.require(user, id);
		List<Advisor> team = teams.team(user, id);
		Map<String, String> values = new java.util.HashMap<>();
		for (Advisor a : team) {
			String p = a.seat().name().toLowerCase(Locale.ROOT);
			values.put(p + "Name", a.name());
			values.put(p + "Organisation", a.organisation() == null ? "" : a.organisation());
			values.put(p + "Phone", a.workPhone());
		}
		if (typed != null) {
			values.putAll(typed);
		}
		String url = teams.appealUrl(enterprise);
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("team", team);
		model.addAttribute("seats", Seat.values());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("canSet", SupportAccess.canSetTeam(user) && enterprise.keyEnterprise());
		model.addAttribute("appealUrl", url);
		model.addAttribute("qr", QrSvg.of(url));
		return "enterprise/support/team";
	}

	@GetMapping("/enterprises/{id}/team/card.pdf")
	ResponseEntity<byte[]> card(@PathVariable long id, CurrentUser user, Locale locale) {
		EnterpriseRef enterprise = enterprises.require(user, id);
		byte[] pdf = documents.contactCard(enterprise, teams.team(user, id), teams.appealUrl(enterprise), locale);
		audit.record("enterprise.team.card", "enterprise", String.valueOf(id), AuditTrail.SUCCESS, null);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
						.filename("contact-card-" + enterprise.creditCode().strip() + ".pdf").build().toString())
				.body(pdf);
	}
}
