package org.gridlink.jurisdiction.web;

import java.util.Locale;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.CompoundRow;
import org.gridlink.platform.FormErrors;
import org.gridlink.shared.JurisdictionCode;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Residential compounds under a jurisdiction, each with a select to change its property company. */
@Controller
@RequestMapping("/admin/compounds")
class CompoundAdminController {

	static final int PAGE_SIZE = 50;

	private final Organization organization;
	private final MessageSource messages;

	CompoundAdminController(Organization organization, MessageSource messages) {
		this.organization = organization;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String under, @RequestParam(defaultValue = "0") int page,
			Model model, Locale locale) {
		String code = under.trim();
		FormErrors errors = FormErrors.in(messages, locale);
		Page<CompoundRow> compounds = Page.empty(PageRequest.of(0, PAGE_SIZE));
		if (!code.isEmpty() && !JurisdictionCode.isValid(code)) {
			errors.addKey("under", "admin.compounds.under.invalid", code);
		}
		else if (!code.isEmpty()) {
			compounds = organization.compoundsUnder(JurisdictionCode.of(code).prefix(),
					PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		}
		model.addAttribute("under", code);
		model.addAttribute("pageNumber", Math.max(page, 0));
		model.addAttribute("errors", errors);
		model.addAttribute("compounds", compounds);
		model.addAttribute("companies", organization.companies());
		model.addAttribute("pageUrl", link(code) + "&page=");
		return "admin/compounds";
	}

	@PostMapping("/{id}/company")
	String assign(@PathVariable long id, @RequestParam(defaultValue = "") String companyId,
			@RequestParam(defaultValue = "") String under, @RequestParam(defaultValue = "0") int page, Locale locale,
			RedirectAttributes redirect) {
		organization.assignCompany(id, StaffAdminController.id(companyId));
		redirect.addFlashAttribute("flash", messages.getMessage("admin.compounds.saved", null, locale));
		redirect.addFlashAttribute("changed", id);
		return "redirect:" + link(under.trim()) + "&page=" + Math.max(page, 0);
	}

	private static String link(String under) {
		return UriComponentsBuilder.fromPath("/admin/compounds").queryParam("under", under).encode().build()
				.toUriString();
	}
}
