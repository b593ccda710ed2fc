package org.gridlink.passes.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.gridlink.passes.PassView;
import org.gridlink.passes.Passes;
import org.gridlink.passes.token.PassCodeText;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A pass shown on a phone: the QR code large, the masked holder or plate, zones, window and status. */
@Controller
class PassController {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Passes passes;
	private final AuditTrail audit;
	private final Clock clock;

	PassController(Passes passes, AuditTrail audit, Clock clock) {
		this.clock = clock;
		this.passes = passes;
		this.audit = audit;
	}

	@GetMapping("/passes/{id}")
	String pass(CurrentUser user, @PathVariable UUID id, Model model) {
		PassView pass = passes.get(user, id);
		model.addAttribute("pass", pass);
		model.addAttribute("status", pass.standing(OffsetDateTime.now(clock)));
		model.addAttribute("from", MINUTES.format(pass.validFrom().atZoneSameInstant(ZONE)));
		model.addAttribute("to", MINUTES.format(pass.validTo().atZoneSameInstant(ZONE)));
		model.addAttribute("codeText", PassCodeText.of(pass.code()));
		model.addAttribute("zoneNames", pass.zones().stream()
				.collect(java.util.stream.Collectors.toMap(z -> z, passes::zoneName, (a, b) -> a)));
		// issue, revoke and print of this pass, for staff checking who did what
		model.addAttribute("history", audit.search(new AuditQuery(null, null, id.toString(), null, null, null, null),
				PageRequest.of(0, 20)).getContent());
		model.addAttribute("zone", ZONE);
		return "passes/pass";
	}

	@GetMapping("/passes/{id}/qr.png")
	ResponseEntity<byte[]> qr(CurrentUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
				.body(passes.qrPng(user, id));
	}
}
