package org.gridlink.notices.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.notices.SmsReports;
import org.gridlink.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Alibaba Cloud SMS HTTP batch push: delivery reports ({@code SmsReport}) and replies ({@code SmsUp}, e.g. "TD" to
 * opt out), each a JSON array, answered {@code {"code":0,"msg":"成功"}}. The push carries no signature, so the URL
 * holds a secret ({@code gridlink.notices.sms.callback-secret}); a wrong secret is 404.
 */
@RestController
@Tag(name = "Notices")
class SmsCallbackController {

	private final SmsReports reports;
	private final String secret;

	SmsCallbackController(SmsReports reports, @Value("${gridlink.notices.sms.callback-secret}") String secret) {
		this.reports = reports;
		this.secret = secret;
	}

	@PostMapping("/sms/callback/{secret}/report")
	@Operation(summary = "Delivery reports pushed by the SMS provider (Alibaba Cloud SmsReport format)")
	Map<String, Object> report(@PathVariable("secret") String given, @RequestBody List<Map<String, Object>> batch) {
		check(given);
		reports.delivered(batch);
		return Map.of("code", 0, "msg", "成功");
	}

	@PostMapping("/sms/callback/{secret}/up")
	@Operation(summary = "Replies pushed by the SMS provider (Alibaba Cloud SmsUp format); \"TD\" opts the phone out")
	Map<String, Object> up(@PathVariable("secret") String given, @RequestBody List<Map<String, Object>> batch) {
		check(given);
		reports.replies(batch);
		return Map.of("code", 0, "msg", "成功");
	}

	private void check(String given) {
		if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
			throw new NotFoundException("notices.callback.unknown", "callback");
		}
	}
}
