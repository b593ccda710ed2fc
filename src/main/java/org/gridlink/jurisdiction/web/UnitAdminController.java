package org.gridlink.jurisdiction.web;

import java.util.Locale;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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

/**
 * Units (departments and the command center): list with search, and create; a unit's page, where its duty phone
 * (值班电话, SMS when a case is dispatched to it or its time limit is close) is set or cleared.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

	static final int PAGE_SIZE = 50;

	private final Organization organization;
	private final MessageSource messages;

	UnitAdminController(Organization organization, MessageSource messages) {
		this.organization = organization;
		this.messages = messages;
	}

	record UnitForm(String code, String name, String kind) {
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model, Locale locale) {
		return page(q, page, new UnitForm("", "", "DEPARTMENT"), FormErrors.in(messages, locale), model);
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String kind, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			organization.createUnit(code.trim(), name, kind);
		}
		catch (InvalidInputException ex) {
			return page(null, 0, new UnitForm(code, name, kind), FormErrors.in(messages, locale).add(field(ex), ex),
					model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("admin.units.created", new Object[] { code.trim() },
				locale));
		redirect.addAttribute("q", code.trim());
		return "redirect:/admin/units";
	}

	@GetMapping("/{id}")
	String unit(@PathVariable long id, Model model, Locale locale) {
		return unitPage(id, "", FormErrors.in(messages, locale), model);
	}

	/** Sets the duty phone; an empty field clears it. An invalid number shows the page again with the message. */
	@PostMapping("/{id}/duty-phone")
	String dutyPhone(@PathVariable long id, @RequestParam(defaultValue = "") String dutyPhone,
			@RequestParam(defaultValue = "false") boolean clear, Model model, Locale locale,
			RedirectAttributes redirect) {
		String phone = clear ? "" : dutyPhone;
		try {
			organization.setDutyPhone(id, phone);
		}
		catch (InvalidInputException ex) {
			return unitPage(id, dutyPhone, FormErrors.in(messages, locale).add("dutyPhone", ex), model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage(phone.isBlank() ? "admin.units.dutyPhone.cleared"
				: "admin.units.dutyPhone.saved", null, locale));
		return "redirect:/admin/units/" + id;
	}

	private String unitPage(long id, String typed, FormErrors errors, Model model) {
		model.addAttribute("unit", organization.unit(id));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "admin/unit";
	}

	private String page(@Nullable String q, int page, UnitForm form, FormErrors errors, Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("units", organization.units(q, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/admin/units").queryParam("q", q == null ? "" : q)
				.queryParam("page", "").encode().build().toUriString());
		model.addAttribute("kinds", Organization.UNIT_KINDS);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/units";
	}

	private static String field(InvalidInputException ex) {
		String key = ex.messageKey();
		return key.startsWith("unit.name") ? "name" : key.startsWith("unit.kind") ? "kind" : "code";
	}
}
