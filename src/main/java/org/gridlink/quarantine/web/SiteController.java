package org.gridlink.quarantine.web;

import java.util.Locale;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.quarantine.QuarantineSites;
import org.gridlink.quarantine.SiteView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Centralized quarantine sites: the list with capacity and occupancy, a site's board, new sites and rooms. */
@Controller
class SiteController {

	private final QuarantineSites sites;
	private final MessageSource messages;

	SiteController(QuarantineSites sites, MessageSource messages) {
		this.sites = sites;
		this.messages = messages;
	}

	@GetMapping("/quarantine/sites")
	String list(CurrentUser user, Model model) {
		model.addAttribute("sites", sites.list(user));
		model.addAttribute("canKeep", sites.canKeep(user));
		model.addAttribute("scopeCodes", user.scope().codes().stream().sorted().toList());
		model.addAttribute("tab", "sites");
		return "quarantine/sites";
	}

	@PostMapping("/quarantine/sites")
	String create(CurrentUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String jurisdictionCode,
			Locale locale, RedirectAttributes redirect) {
		try {
			SiteView site = sites.create(user, name, address, jurisdictionCode);
			redirect.addFlashAttribute("flash", messages.getMessage("quarantine.site.saved", null, locale));
			return "redirect:/quarantine/sites/" + site.id();
		}
		catch (InvalidInputException ex) {
			String message = messages.getMessage(ex.messageKey(), ex.arguments(), locale);
			redirect.addFlashAttribute("flashError", message);
			// the form comes back open and as typed (strings: flash attributes live in the JDBC session)
			redirect.addFlashAttribute("typedSite", new java.util.HashMap<>(java.util.Map.of("name", name,
					"address", address, "jurisdictionCode", jurisdictionCode)));
			if (ex.messageKey().startsWith("quarantine.jurisdiction.")) {
				redirect.addFlashAttribute("siteJurisdictionError", message);
			}
			return "redirect:/quarantine/sites";
		}
	}

	@GetMapping("/quarantine/sites/{id}")
	String board(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("board", sites.board(user, id));
		model.addAttribute("canKeep", sites.canKeep(user));
		model.addAttribute("tab", "sites");
		return "quarantine/site";
	}

	@PostMapping("/quarantine/sites/{id}/rooms")
	String addRoom(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String number,
			@RequestParam(required = false) @Nullable Integer floor, @RequestParam(required = false) @Nullable Integer beds,
			Locale locale, RedirectAttributes redirect) {
		try {
			sites.addRoom(user, id, number, floor, beds);
			redirect.addFlashAttribute("flash", messages.getMessage("quarantine.room.saved", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/quarantine/sites/" + id;
	}

	@PostMapping("/quarantine/beds/{bed}/service")
	String service(CurrentUser user, @PathVariable long bed, @RequestParam long siteId, @RequestParam boolean inService, Locale locale,
			RedirectAttributes redirect) {
		try {
			sites.setInService(user, bed, inService);
			redirect.addFlashAttribute("flash", messages.getMessage("quarantine.bed.saved", null, locale));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/quarantine/sites/" + siteId;
	}
}
