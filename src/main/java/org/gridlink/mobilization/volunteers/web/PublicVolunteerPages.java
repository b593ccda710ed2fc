package org.gridlink.mobilization.volunteers.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.mobilization.volunteers.DutyBadges;
import org.gridlink.mobilization.volunteers.NewVolunteer;
import org.gridlink.mobilization.volunteers.Volunteers;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages without an account: a person registers as a volunteer with their home community
 * ({@code /volunteers/register}), and anyone checks a duty badge's code ({@code /volunteers/badge/check?t=}).
 */
@Controller
class PublicVolunteerPages {

	private static final String[] FIELDS = { "communityCode", "name", "phone", "consent", "partyMember", "unitId",
			"branch", "skills", "availability" };

	private final Volunteers volunteers;
	private final DutyBadges badges;
	private final MessageSource messages;

	PublicVolunteerPages(Volunteers volunteers, DutyBadges badges, MessageSource messages) {
		this.volunteers = volunteers;
		this.badges = badges;
		this.messages = messages;
	}

	@GetMapping("/volunteers/register")
	String form(Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : FIELDS) {
			form.put(field, "");
		}
		return page(form, null, model);
	}

	@PostMapping("/volunteers/register")
	String register(@RequestParam Map<String, String> params, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : FIELDS) {
			form.put(field, params.getOrDefault(field, "").strip());
		}
		try {
			Long unitId = form.get("unitId").isEmpty() ? null : Long.valueOf(form.get("unitId"));
			volunteers.register(new NewVolunteer(form.get("communityCode"), form.get("name"), form.get("phone"),
					"true".equals(form.get("consent")), "true".equals(form.get("partyMember")), unitId,
					form.get("branch"), form.get("skills"), form.get("availability")));
			model.addAttribute("registered", true);
			return page(form, null, model);
		}
		catch (NumberFormatException ex) {
			response.setStatus(400);
			return page(form, messages.getMessage("volunteers.unit.invalid", null, locale), model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return page(form, messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale), model);
		}
	}

	private String page(Map<String, String> form, @Nullable String error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("formError", error);
		model.addAttribute("communities", volunteers.communities());
		model.addAttribute("units", volunteers.units());
		return "volunteers/register";
	}

	@GetMapping("/volunteers/badge/check")
	String check(@RequestParam(name = "t", required = false) @Nullable String token, Model model) {
		model.addAttribute("check", badges.check(token));
		return "volunteers/badge-check";
	}
}
