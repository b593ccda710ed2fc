package org.gridlink.platform.web;

import java.util.Locale;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.ExportApprovals;
import org.gridlink.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exports page (issue 12): the user's own export requests with their state (and the one download once
 * approved, at {@code /<kind>/exports/<id>}, served by the exporting module), and for CENTER and LEADER the
 * requests of others in their scope to approve or refuse.
 */
@Controller
class ExportController {

	private final ExportApprovals approvals;
	private final MessageSource messages;

	ExportController(ExportApprovals approvals, MessageSource messages) {
		this.approvals = approvals;
		this.messages = messages;
	}

	@GetMapping("/exports")
	String page(CurrentUser user, Model model) {
		model.addAttribute("mine", approvals.mine(user));
		model.addAttribute("toDecide", approvals.toDecide(user));
		model.addAttribute("mayApprove", ExportApprovals.mayApprove(user));
		model.addAttribute("threshold", approvals.threshold());
		model.addAttribute("time", DistrictTime.INSTANCE);
		return "platform/exports";
	}

	@PostMapping("/exports/{id}/approve")
	String approve(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		try {
			approvals.approve(user, id);
			redirect.addFlashAttribute("flash", messages.getMessage("exports.approved", new Object[] { id }, locale));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/exports";
	}

	@PostMapping("/exports/{id}/refuse")
	String refuse(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect, Locale locale) {
		try {
			approvals.refuse(user, id, reason);
			redirect.addFlashAttribute("flash", messages.getMessage("exports.refused", new Object[] { id }, locale));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/exports";
	}
}
