package org.gridlink.passes.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.passes.IssuedPass;
import org.gridlink.passes.NewPass;
import org.gridlink.passes.PassKey;
import org.gridlink.passes.PassType;
import org.gridlink.passes.PassView;
import org.gridlink.passes.Passes;
import org.gridlink.passes.Verdict;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.platform.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Passes: issue and revoke (community, street, center in their scope), verify and the signed lists (checkpoints). */
@RestController
@RequestMapping("/api/v1/passes")
@Tag(name = "Passes")
class PassApiController {

	private final Passes passes;
	private final MessageSource messages;

	PassApiController(Passes passes, MessageSource messages) {
		this.passes = passes;
		this.messages = messages;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a person or vehicle pass for zones in the caller's scope; answers its id and signed "
			+ "code (GL1:...). Optional \"algorithm\": ES256 (default) or SM2_SM3")
	IssuedPass issue(@RequestBody NewPass pass) {
		return passes.issue(CurrentUsers.current(), pass);
	}

	@GetMapping
	@Operation(summary = "Passes with a zone in the caller's scope, newest first (holder masked)")
	List<PassView> list() {
		return passes.list(CurrentUsers.current());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One pass with a zone in the caller's scope (holder masked)")
	PassView get(@PathVariable UUID id) {
		return passes.get(CurrentUsers.current(), id);
	}

	@GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "The pass's code as a QR image (PNG, alphanumeric mode, error correction M)")
	ResponseEntity<byte[]> qr(@PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
				.body(passes.qrPng(CurrentUsers.current(), id));
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke a pass whose zones all lie in the caller's scope, with a reason: it never verifies again")
	PassView revoke(@PathVariable UUID id, @RequestBody(required = false) @Nullable Map<String, String> body) {
		return passes.revoke(CurrentUsers.current(), id, body == null ? null : body.get("reason"));
	}

	@PostMapping("/verify")
	@Operation(summary = "Verify a code: result VALID, INVALID, REVOKED or EXPIRED with a reason code and message; "
			+ "for a code whose signature is good also the type, masked holder or plate, zones and window")
	VerifyAnswer verify(@RequestBody Map<String, String> body, Locale locale) {
		String code = body.get("code");
		Verdict verdict = passes.verify(CurrentUsers.current(), code == null ? "" : code);
		String key = "passes.reason." + verdict.reason().name();
		var claims = verdict.claims();
		return new VerifyAnswer(verdict.result().name(), verdict.reason().name(),
				messages.getMessage(key, null, key, locale), claims == null ? null : claims.type(),
				claims == null ? null : claims.holder(), claims == null ? null : claims.zones(),
				claims == null ? null : claims.validFrom(), claims == null ? null : claims.validTo());
	}

	@GetMapping(value = "/trust-list", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The signed trust list: the public keys that sign passes, issued now (envelope: alg, kid, "
			+ "publicKey, payload, signature; see docs/passes.md)")
	ResponseEntity<String> trustList() {
		return signed(passes.trustList(CurrentUsers.current()));
	}

	@GetMapping(value = "/revocations", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The signed revocation list: truncated SHA-256 hashes of the ids of revoked passes still in "
			+ "their window, issued now")
	ResponseEntity<String> revocations() {
		return signed(passes.revocations(CurrentUsers.current()));
	}

	@GetMapping("/keys")
	@Operation(summary = "Signing keys without private parts (admin, center)")
	List<PassKey> keys() {
		return passes.keys(CurrentUsers.current());
	}

	@PostMapping("/keys/rotate")
	@Operation(summary = "Start a new signing key for an algorithm now; passes signed before still verify")
	Map<String, String> rotate(@RequestParam(defaultValue = "ES256") PassAlgorithm algorithm) {
		return Map.of("kid", passes.rotateKey(CurrentUsers.current(), algorithm));
	}

	@PostMapping("/keys/{kid}/withdraw")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a signing key with a reason: every pass it signed fails verification from now on")
	void withdraw(@PathVariable String kid, @RequestBody(required = false) @Nullable Map<String, String> body) {
		passes.withdrawKey(CurrentUsers.current(), kid, body == null ? null : body.get("reason"));
	}

	private static ResponseEntity<String> signed(String envelope) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
				.body(envelope);
	}

	record VerifyAnswer(String result, String reason, String message, @Nullable PassType type,
			@Nullable String holder, @Nullable List<String> zones, @Nullable Instant validFrom,
			@Nullable Instant validTo) {
	}
}
