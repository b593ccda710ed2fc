package org.gridlink.enterprise.support.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.enterprise.support.Fen;
import org.gridlink.enterprise.support.Relief;
import org.gridlink.enterprise.support.ReliefFilter;
import org.gridlink.enterprise.support.ReliefInput;
import org.gridlink.enterprise.support.ReliefLedger;
import org.gridlink.enterprise.support.ReliefTotals;
import org.gridlink.enterprise.support.ReliefType;
import org.gridlink.enterprise.support.SupportAccess;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The relief ledger pages: an enterprise's relief with the form to record it, the totals with filters, the workbook. */
@Controller
class ReliefController {

	static final List<String> INDUSTRIES = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
			"N", "O", "P", "Q", "R", "S", "T");

	private final ReliefLedger ledger;
	private final EnterpriseDirectory enterprises;
	private final JurisdictionDirectory places;
	private final MessageSource messages;

	ReliefController(ReliefLedger ledger, EnterpriseDirectory enterprises, JurisdictionDirectory places,
			MessageSource messages) {
		this.ledger = ledger;
		this.enterprises = enterprises;
		this.places = places;
		this.messages = messages;
	}

	@GetMapping("/enterprises/{id}/relief")
	String enterprise(@PathVariable long id, CurrentUser user, Model model) {
		return page(id, user, model, Map.of(), null);
	}

	@PostMapping("/enterprises/{id}/relief")
	String record(@PathVariable long id, @RequestParam Map<String, String> typed, CurrentUser user, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes flash) {
		try {
			ledger.record(user, id, input(typed));
			flash.addFlashAttribute("flashKey", "support.relief.recorded");
			return "redirect:/enterprises/" + id + "/relief";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(id, user, model, typed, Forms.errors(messages, locale, ex));
		}
	}

	/** The page form: the amount in yuan ({@code amount}), the rest as the API names them. */
	static ReliefInput input(Map<String, String> typed) {
		long fen = Fen.parseYuan("amount", typed.get("amount"));
		Integer months = null;
		String m = typed.get("months");
		if (m != null && !m.isBlank()) {
			try {
				months = Integer.valueOf(m.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("support.field.months", "months");
			}
		}
		Long caseId = null;
		String c = typed.get("caseId");
		if (c != null && !c.isBlank()) {
			try {
				caseId = Long.valueOf(c.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("support.field.case", "caseId");
			}
		}
		return new ReliefInput(typed.get("type"), fen, typed.get("grantedOn"), typed.get("bank"), typed.get("startsOn"),
				typed.get("endsOn"), typed.get("landlord"), months, typed.get("note"), caseId);
	}

	private String page(long id, CurrentUser user, Model model, Map<String, String> typed, @Nullable FormErrors errors) {
		EnterpriseRef enterprise = enterprises.require(user, id);
		List<Relief> rows = ledger.ofEnterprise(user, id);
		ReliefFilter only = new ReliefFilter(null, null, null, null, null, enterprise.id());
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("rows", rows);
		model.addAttribute("totals", ledger.totals(user, only));
		model.addAttribute("types", ReliefType.values());
		model.addAttribute("canRecord", SupportAccess.canRecordRelief(user));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("names", places.names(List.of(enterprise.gridCode())));
		return "enterprise/support/relief";
	}

	@GetMapping("/relief")
	String totals(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String street,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response) {
		ReliefFilter filter;
		String problem = null;
		try {
			filter = ReliefFilter.of(type, street, industry, from, to);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			problem = messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
			filter = ReliefFilter.none();
		}
		ReliefTotals totals = ledger.totals(user, filter);
		List<Relief> recent = ledger.ledger(user, filter, 50);
		List<String> codes = new ArrayList<>(totals.byStreet().stream().map(ReliefTotals.Line::key).toList());
		recent.forEach(r -> codes.add(r.gridCode()));
		List<String> streets = user.scope().codes().stream().filter(c -> c.length() == 12 && !c.endsWith("000000"))
				.map(c -> c.substring(0, 9) + "000").distinct().sorted().toList();
		if (streets.isEmpty() || user.scope().codes().stream().anyMatch(c -> c.endsWith("000000"))) {
			streets = totals.byStreet().stream().map(ReliefTotals.Line::key).toList();
		}
		codes.addAll(streets);
		model.addAttribute("totals", totals);
		model.addAttribute("recent", recent);
		model.addAttribute("names", places.names(codes));
		model.addAttribute("streets", streets);
		model.addAttribute("types", ReliefType.values());
		model.addAttribute("industries", INDUSTRIES);
		model.addAttribute("problem", problem);
		model.addAttribute("f", new String[] { nz(type), nz(street), nz(industry), nz(from), nz(to) });
		return "enterprise/support/totals";
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

	@GetMapping("/relief.xlsx")
	void workbook(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String street,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			CurrentUser user, Locale locale, HttpServletResponse response) throws IOException {
		ReliefFilter filter = ReliefFilter.of(type, street, industry, from, to);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"relief-ledger.xlsx\"");
		ledger.workbook(user, filter, locale, response.getOutputStream());
	}
}
