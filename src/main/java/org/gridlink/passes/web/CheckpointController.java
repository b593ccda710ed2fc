package org.gridlink.passes.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.gridlink.passes.Passes;
import org.gridlink.passes.Verdict;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.OutOfScopeException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The checkpoint page (360 px): one large field that a handheld scanner types into (it ends with Enter), or typed by
 * hand; the server verifies and the result fills the screen in its colour. Verification by the server only for
 * now: the offline WebCrypto path and the camera are not built yet (docs/passes.md).
 */
@Controller
class CheckpointController {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.of("Asia/Shanghai"));

	private final Passes passes;

	CheckpointController(Passes passes) {
		this.passes = passes;
	}

	@GetMapping("/checkpoint")
	String page() {
		if (!passes.canVerify(CurrentUsers.current())) {
			throw new OutOfScopeException("pass", "verify");
		}
		return "passes/checkpoint";
	}

	@PostMapping("/checkpoint/verify")
	String verify(@RequestParam(defaultValue = "") String code,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		Verdict verdict = passes.verify(CurrentUsers.current(), code);
		model.addAttribute("verdict", verdict);
		if (verdict.claims() != null) {
			model.addAttribute("from", MINUTES.format(verdict.claims().validFrom()));
			model.addAttribute("to", MINUTES.format(verdict.claims().validTo()));
		}
		return htmx != null ? "passes/checkpoint :: result" : "passes/checkpoint";
	}
}
