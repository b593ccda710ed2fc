package org.gridlink.jurisdiction.web;

import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.Valid;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.StaffKind;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Staff: list with kind filter and search, and create. Assignments are on the staff page. */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

	static final int PAGE_SIZE = 50;

	private final Organization organization;
	private final MessageSource messages;

	private final Jurisdictions places;

	StaffAdminController(Organization organization, MessageSource messages, Jurisdictions places) {
		this.places = places;
		this.organization = organization;
		this.messages = messages;
	}

	/** The new-staff form as typed; unit and company are ids as text ({@code ""} for none). */
	record StaffForm(String name, String kind, String unitId, String companyId, String username) {

		StaffForm {
			name = name == null ? "" : name;
			kind = kind == null ? "" : kind;
			unitId = unitId == null ? "" : unitId;
			companyId = companyId == null ? "" : companyId;
			username = username == null ? "" : username;
		}
	}

	@ModelAttribute("kinds")
	StaffKind[] kinds() {
		return StaffKind.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		StaffKind selected = kind(kind);
		model.addAttribute("kind", selected == null ? "" : selected.name());
		model.addAttribute("q", q == null ? "" : q);
		var staff = organization.staff(selected, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("staff", staff);
		model.addAttribute("placeNames", places.names(
				staff.stream().flatMap(s -> s.assignments().stream()).collect(java.util.stream.Collectors.toSet())));
		model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/admin/staff")
				.queryParam("kind", selected == null ? "" : selected.name()).queryParam("q", q == null ? "" : q)
				.queryParam("page", "").encode().build().toUriString());
		return "admin/staff/list";
	}

	@GetMapping("/new")
	String newStaff(@RequestParam(required = false) @Nullable String kind, Model model, Locale locale) {
		StaffKind selected = kind(kind);
		return form(new StaffForm("", selected == null ? StaffKind.GRID_WORKER.name() : selected.name(), "", "", ""),
				FormErrors.in(messages, locale), model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") StaffForm typed, Model model, Locale locale,
			RedirectAttributes redirect) {
		FormErrors errors = FormErrors.in(messages, locale);
		StaffKind staffKind = kind(typed.kind());
		if (staffKind == null) {
			errors.addKey("kind", "admin.staff.kind.required");
			return form(typed, errors, model);
		}
		long id;
		try {
			id = organization.createStaff(typed.name(), staffKind, id(typed.unitId()), id(typed.companyId()),
					typed.username());
		}
		catch (InvalidInputException ex) {
			return form(typed, errors.add(field(ex), ex), model);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("admin.staff.created", new Object[] { typed.name().trim() },
				locale));
		return "redirect:/admin/staff/" + id;
	}

	private String form(StaffForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("units", organization.allUnits());
		model.addAttribute("companies", organization.companies());
		return "admin/staff/new";
	}

	static @Nullable StaffKind kind(@Nullable String name) {
		return Arrays.stream(StaffKind.values()).filter(k -> k.name().equals(name)).findFirst().orElse(null);
	}

	/** An id chosen in a select; {@code null} for none (or anything that is not a number, which no option is). */
	static @Nullable Long id(String value) {
		return value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
	}

	private static String field(InvalidInputException ex) {
		return switch (ex.messageKey()) {
			case "account.not.found" -> "username";
			case "unit.unknown" -> "unitId";
			case "company.unknown" -> "companyId";
			default -> "name";
		};
	}
}
