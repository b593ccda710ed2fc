package org.gridlink.jurisdiction.web;

import java.util.Locale;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.StaffView;
import org.gridlink.jurisdiction.StaffKind;
import org.gridlink.platform.CodeLists;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One staff member's page: grids of a grid worker, police grids of an officer, community posts of a cadre (挂包),
 * and activate/deactivate. A failed change shows the page again with what was typed and the problem.
 */
@Controller
@RequestMapping("/admin/staff/{id}")
class StaffAssignmentController {

	private final Organization organization;
	private final MessageSource messages;

	private final Jurisdictions places;

	StaffAssignmentController(Organization organization, MessageSource messages, Jurisdictions places) {
		this.places = places;
		this.organization = organization;
		this.messages = messages;
	}

	/** What the page's forms hold: the codes text area and the new post's community and unit. */
	record Typed(String codes, String community, String unitId) {
	}

	@GetMapping
	String detail(@PathVariable long id, Model model, Locale locale) {
		StaffView staff = organization.staffMember(id);
		return page(staff, new Typed(assignedCodes(staff), "", ""), FormErrors.in(messages, locale), model);
	}

	@PostMapping("/grids")
	String grids(@PathVariable long id, @RequestParam(defaultValue = "") String codes, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			organization.assignGrids(id, CodeLists.parse(codes));
		}
		catch (InvalidInputException ex) {
			return failed(id, new Typed(codes, "", ""), "codes", ex, model, locale);
		}
		return saved(id, "admin.staff.grids.saved", locale, redirect);
	}

	@PostMapping("/police-grids")
	String policeGrids(@PathVariable long id, @RequestParam(defaultValue = "") String codes, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			organization.assignPoliceGrids(id, CodeLists.parse(codes));
		}
		catch (InvalidInputException ex) {
			return failed(id, new Typed(codes, "", ""), "codes", ex, model, locale);
		}
		return saved(id, "admin.staff.policeGrids.saved", locale, redirect);
	}

	@PostMapping("/posts")
	String addPost(@PathVariable long id, @RequestParam(defaultValue = "") String community,
			@RequestParam(defaultValue = "") String unitId, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			organization.postCadre(id, community.trim(), StaffAdminController.id(unitId));
		}
		catch (InvalidInputException ex) {
			String field = ex.messageKey().startsWith("unit") ? "unitId" : "community";
			return failed(id, new Typed("", community, unitId), field, ex, model, locale);
		}
		return saved(id, "admin.staff.post.added", locale, redirect);
	}

	@PostMapping("/posts/{postId}/remove")
	String removePost(@PathVariable long id, @PathVariable long postId, Locale locale, RedirectAttributes redirect) {
		if (organization.postsOf(id).stream().noneMatch(p -> p.id() == postId)) {
			redirect.addFlashAttribute("flashError", messages.getMessage("post.not.found", new Object[] { postId },
					locale));
			return "redirect:/admin/staff/" + id;
		}
		organization.removePost(postId);
		return saved(id, "admin.staff.post.removed", locale, redirect);
	}

	@PostMapping("/active")
	String active(@PathVariable long id, @RequestParam boolean active, Locale locale, RedirectAttributes redirect) {
		organization.setStaffActive(id, active);
		return saved(id, active ? "admin.staff.activated" : "admin.staff.deactivated", locale, redirect);
	}

	private String failed(long id, Typed typed, String field, InvalidInputException ex, Model model, Locale locale) {
		return page(organization.staffMember(id), typed, FormErrors.in(messages, locale).add(field, ex), model);
	}

	private String page(StaffView staff, Typed typed, FormErrors errors, Model model) {
		model.addAttribute("staff", staff);
		model.addAttribute("placeNames", places.names(staff.assignments()));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		if (StaffKind.CADRE.name().equals(staff.kind())) {
			model.addAttribute("posts", organization.postsOf(staff.id()));
			model.addAttribute("units", organization.allUnits());
		}
		return "admin/staff/detail";
	}

	/** Grid workers and officers: their grid or police grid codes, one per line, ready to edit. */
	private static String assignedCodes(StaffView staff) {
		boolean codes = StaffKind.GRID_WORKER.name().equals(staff.kind()) || StaffKind.OFFICER.name().equals(staff.kind());
		return codes ? String.join("\n", staff.assignments()) : "";
	}

	private String saved(long id, String key, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", messages.getMessage(key, new Object[] { organization.staffMember(id).name() },
				locale));
		return "redirect:/admin/staff/" + id;
	}
}
