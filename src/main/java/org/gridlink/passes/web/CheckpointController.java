package org.gridlink.passes.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridlink.passes.Checkpoints;
import org.gridlink.passes.Passes;
import org.gridlink.passes.Verdict;
import org.gridlink.passes.VerifyReason;
import org.gridlink.passes.VerifyResult;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.OutOfScopeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The checkpoint page (360 px). The page's own scripts ({@code static/js/checkpoint/}) verify codes offline with the
 * signed lists and keep the scan log; a service worker served here keeps the page for reloads with the network cut.
 * Without scripts the form posts to {@code /checkpoint/verify} and the server answers.
 */
@Controller
class CheckpointController {

	private final Passes passes;
	private final Checkpoints checkpoints;
	private final String accepted;
	private final Clock clock;
	private final DateTimeFormatter minutes;

	CheckpointController(Passes passes, Checkpoints checkpoints,
			@Value("${gridlink.passes.accepted-algorithms:ES256,SM2_SM3}") Set<PassAlgorithm> accepted, Clock clock) {
		this.clock = clock;
		this.passes = passes;
		this.checkpoints = checkpoints;
		this.accepted = accepted.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
	}

	@GetMapping("/checkpoint")
	String page(CurrentUser user, Model model) {
		prepare(user, model);
		return "passes/checkpoint";
	}

	@PostMapping("/checkpoint/verify")
	String verify(CurrentUser user, @RequestParam(defaultValue = "") String code,
			@RequestParam(required = false) @Nullable Long checkpointId,
			@org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		Verdict verdict = passes.verify(user, code, checkpointId);
		model.addAttribute("verdict", verdict);
		model.addAttribute("checkpointId", checkpointId);
		if (verdict.claims() != null) {
			model.addAttribute("from", minutes.format(verdict.claims().validFrom()));
			model.addAttribute("to", minutes.format(verdict.claims().validTo()));
			model.addAttribute("zoneLabels", verdict.claims().zones().stream()
					.map(z -> passes.zoneName(z) + (passes.zoneName(z).equals(z) ? "" : " " + z)).toList());
		}
		if (htmx != null) {
			return "passes/checkpoint :: result";
		}
		prepare(user, model);
		return "passes/checkpoint";
	}

	/** The service worker, served from the page's level so that its scope can be the page. */
	@GetMapping(value = "/checkpoint-sw.js", produces = "text/javascript")
	ResponseEntity<byte[]> serviceWorker() throws IOException {
		try (InputStream in = new ClassPathResource("static/js/checkpoint/sw.js").getInputStream()) {
			return ResponseEntity.ok().cacheControl(CacheControl.noCache())
					.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8")).body(in.readAllBytes());
		}
	}

	private void prepare(CurrentUser user, Model model) {
		if (!passes.canVerify(user)) {
			throw new OutOfScopeException("pass", "verify");
		}
		model.addAttribute("checkpoints", checkpoints.mine(user, clock.instant()));
		model.addAttribute("listKid", passes.listKeyId());
		model.addAttribute("accepted", accepted);
		model.addAttribute("results", VerifyResult.values());
		model.addAttribute("reasons", VerifyReason.values());
		model.addAttribute("zoneNames", passes.zoneNames(user));
		model.addAttribute("timeZone", clock.getZone().getId());
	}
}
