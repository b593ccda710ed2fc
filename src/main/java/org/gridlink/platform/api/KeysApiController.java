package org.gridlink.platform.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.KeyReencryption;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation for admins (the security configuration's {@code /api/v1/admin/**} rule): key ids and counts, and the
 * re-encryption job. Never returns key material.
 */
@RestController
@RequestMapping("/api/v1/admin/keys")
@Tag(name = "Keys")
class KeysApiController {

	private final KeyReencryption keys;

	KeysApiController(KeyReencryption keys) {
		this.keys = keys;
	}

	@GetMapping
	@Operation(summary = "Current key ids, every sealed column's values by key id, and the last re-encryption run")
	KeyReencryption.Overview overview() {
		return keys.overview();
	}

	@PostMapping("/reencrypt")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start re-sealing every value not under the current key (or resume the run still running)")
	KeyReencryption.Run reencrypt(@Parameter(hidden = true) CurrentUser user) {
		return keys.start(user);
	}
}
