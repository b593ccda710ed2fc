package org.gridlink.passes.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;

import org.gridlink.passes.IssuedPass;
import org.gridlink.passes.PassBulkIssue;
import org.gridlink.passes.PassPrints;
import org.gridlink.passes.PassQuery;
import org.gridlink.passes.NewPass;
import org.gridlink.passes.PassKey;
import org.gridlink.passes.PassType;
import org.gridlink.passes.PassView;
import org.gridlink.passes.Passes;
import org.gridlink.passes.Verdict;
import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Passes: issue and revoke (community, street, center in their scope), verify and the signed lists (checkpoints). */
@RestController
@RequestMapping("/api/v1/passes")
@Tag(name = "Passes")
class PassApiController {

	private final Passes passes;
	private final PassBulkIssue bulk;
	private final PassPrints prints;
	private final MessageSource messages;

	PassApiController(Passes passes, PassBulkIssue bulk, PassPrints prints, MessageSource messages) {
		this.passes = passes;
		this.bulk = bulk;
		this.prints = prints;
		this.messages = messages;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a person or vehicle pass for zones in the caller's scope; answers its id and signed "
			+ "code (GL1:..., for the QR) and the same code as text to read aloud or type (codeText: GL1 and Crockford "
			+ "Base32 in groups of five). Optional \"algorithm\": ES256 (default) or SM2_SM3")
	IssuedPass issue(CurrentUser user, @RequestBody NewPass pass) {
		return passes.issue(user, pass);
	}

	@GetMapping
	@Operation(summary = "Passes with a zone in the caller's scope, newest first (holder masked), one page; filters: "
			+ "type, status (VALID, EXPIRED, REVOKED), zone (a jurisdiction's subtree), issuedBy (username), q (text in "
			+ "the plate or masked holder name)")
	PagedModel<PassView> list(CurrentUser user, @Valid @ModelAttribute PassQuery query,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(passes.search(user, query, ApiPaging.of(page, size)));
	}

	@PostMapping(value = "/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Issue passes from a list (CSV or .xlsx, columns as in the template of /passes/bulk), all or "
			+ "nothing: 201 with the batch and its passes, or 400 with every bad row's problems and nothing issued")
	ResponseEntity<PassBulkIssue.Result> bulk(CurrentUser user, @RequestParam("file") MultipartFile file, Locale locale)
			throws IOException {
		PassBulkIssue.Result result = bulk.issue(user,
				file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes(), locale);
		return ResponseEntity.status(result.accepted() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST).body(result);
	}

	@GetMapping(value = "/bulk/{batchId}/passes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The passes of a bulk batch as one PDF, a page each (those in the caller's scope)")
	ResponseEntity<byte[]> batchPdf(CurrentUser user, @PathVariable UUID batchId, Locale locale) {
		return pdf(bulk.batchPdf(user, batchId, locale), "passes-" + batchId + ".pdf");
	}

	@GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The printable pass: a PDF page with the QR code, masked holder or plate, zones and window")
	ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id, Locale locale) {
		return pdf(prints.pdf(user, id, locale), PassPrints.fileName(id));
	}

	static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PDF)
				.header("Content-Disposition", ContentDisposition.inline().filename(fileName).build().toString())
				.body(body);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One pass with a zone in the caller's scope (holder masked)")
	PassView get(CurrentUser user, @PathVariable UUID id) {
		return passes.get(user, id);
	}

	@GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "The pass's code as a QR image (PNG, alphanumeric mode, error correction M)")
	ResponseEntity<byte[]> qr(CurrentUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
				.body(passes.qrPng(user, id));
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke a pass whose zones all lie in the caller's scope, with a reason: it never verifies again")
	PassView revoke(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) @Nullable Map<String, String> body) {
		return passes.revoke(user, id, body == null ? null : body.get("reason"));
	}

	@PostMapping("/verify")
	@Operation(summary = "Verify a code (as scanned, GL1:..., or typed from its text form GL1 XXXXX ..., with or "
			+ "without spaces, in either case): result VALID, INVALID, REVOKED or EXPIRED with a reason code and "
			+ "message; for a code whose signature is good also the type, masked holder or plate, zones (codes, and "
			+ "in zoneNames with their names) and window. With an optional \"checkpointId\" (a checkpoint the caller "
			+ "may see), a pass that would be valid but whose zones do not cover that checkpoint answers NOT_VALID_HERE "
			+ "(reason OUTSIDE_ZONES)")
	VerifyAnswer verify(CurrentUser user, @RequestBody VerifyRequest body, Locale locale) {
		Verdict verdict = passes.verify(user, body.code() == null ? "" : body.code(), body.checkpointId());
		String key = "passes.reason." + verdict.reason().name();
		var claims = verdict.claims();
		return new VerifyAnswer(verdict.result().name(), verdict.reason().name(),
				messages.getMessage(key, null, key, locale), claims == null ? null : claims.type(),
				claims == null ? null : claims.holder(), claims == null ? null : claims.zones(),
				claims == null ? null : claims.zones().stream().map(z -> new ZoneName(z, passes.zoneName(z))).toList(),
				claims == null ? null : claims.validFrom(), claims == null ? null : claims.validTo());
	}

	/** A code to verify and, optionally, the checkpoint where it is shown. */
	record VerifyRequest(@Nullable String code, @Nullable Long checkpointId) {
	}

	/** A zone of a pass: its jurisdiction code and name. */
	record ZoneName(String code, String name) {
	}

	@GetMapping(value = "/trust-list", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The signed trust list: the public keys that sign passes, issued now (envelope: alg, kid, "
			+ "publicKey, payload, signature; see docs/passes.md)")
	ResponseEntity<String> trustList(CurrentUser user) {
		return signed(passes.trustList(user));
	}

	@GetMapping(value = "/revocations", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The signed revocation list: truncated SHA-256 hashes of the ids of revoked passes still in "
			+ "their window, issued now")
	ResponseEntity<String> revocations(CurrentUser user) {
		return signed(passes.revocations(user));
	}

	@GetMapping("/keys")
	@Operation(summary = "Signing keys without private parts (admin, center)")
	List<PassKey> keys(CurrentUser user) {
		return passes.keys(user);
	}

	@PostMapping("/keys/rotate")
	@Operation(summary = "Start a new signing key for an algorithm now; passes signed before still verify")
	Map<String, String> rotate(CurrentUser user, @RequestParam(defaultValue = "ES256") PassAlgorithm algorithm) {
		return Map.of("kid", passes.rotateKey(user, algorithm));
	}

	@PostMapping("/keys/rotate-list")
	@Operation(summary = "Start a rotation of the list-signing key: the new key is announced inside the lists signed by "
			+ "the current one for the overlap period (14 days), then signs them; 409 while a rotation is under way")
	Map<String, String> rotateList(CurrentUser user) {
		return Map.of("kid", passes.rotateListKey(user));
	}

	@PostMapping("/keys/{kid}/withdraw")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a signing key with a reason: every pass it signed fails verification from now on")
	void withdraw(CurrentUser user, @PathVariable String kid, @RequestBody(required = false) @Nullable Map<String, String> body) {
		passes.withdrawKey(user, kid, body == null ? null : body.get("reason"));
	}

	private static ResponseEntity<String> signed(String envelope) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
				.body(envelope);
	}

	record VerifyAnswer(String result, String reason, String message, @Nullable PassType type,
			@Nullable String holder, @Nullable List<String> zones, @Nullable List<ZoneName> zoneNames,
			@Nullable Instant validFrom,
			@Nullable Instant validTo) {
	}
}
