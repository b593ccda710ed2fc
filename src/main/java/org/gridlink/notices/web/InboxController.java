package org.gridlink.notices.web;

import java.util.Locale;

import org.gridlink.notices.Inbox;
import org.gridlink.platform.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff inbox: unread first, each with its 签收 (confirm) button. */
@Controller
class InboxController {

	private final Inbox inbox;
	private final MessageSource messages;

	InboxController(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping("/inbox")
	String inbox(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", inbox.items(user, PageRequest.of(Math.max(page, 0), 20)));
		model.addAttribute("unread", inbox.unreadCount(user));
		return "notices/inbox";
	}

	@PostMapping("/inbox/{id}/read")
	String read(CurrentUser user, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		inbox.read(user, id);
		redirect.addFlashAttribute("flash", messages.getMessage("inbox.confirmed", null, locale));
		return "redirect:/inbox";
	}
}
