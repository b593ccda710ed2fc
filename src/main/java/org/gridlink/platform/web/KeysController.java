package org.gridlink.platform.web;

import java.util.Locale;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.KeyReencryption;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin &gt; Keys (admins only, by the security configuration's {@code /admin/**} rule): the current key ids of the
 * personal-data and pass-signing rings, for every sealed column how many values are under which key id, and the
 * re-encryption job with a progress bar htmx refreshes every second while it runs. Shows key ids, never keys.
 */
@Controller
@RequestMapping("/admin/keys")
class KeysController {

	private final KeyReencryption keys;
	private final MessageSource messages;

	KeysController(KeyReencryption keys, MessageSource messages) {
		this.keys = keys;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		KeyReencryption.Overview overview = keys.overview();
		model.addAttribute("overview", overview);
		model.addAttribute("run", overview.lastRun());
		model.addAttribute("time", DistrictTime.INSTANCE);
		return "admin/keys";
	}

	@GetMapping("/progress")
	String progress(Model model) {
		model.addAttribute("run", keys.lastRun().orElse(null));
		model.addAttribute("time", DistrictTime.INSTANCE);
		return "admin/keys :: progress";
	}

	@PostMapping("/reencrypt")
	String reencrypt(CurrentUser user, Locale locale, RedirectAttributes redirect) {
		KeyReencryption.Run run = keys.start(user);
		redirect.addFlashAttribute("flash", messages.getMessage("admin.keys.started", new Object[] { run.id() }, locale));
		return "redirect:/admin/keys";
	}
}
