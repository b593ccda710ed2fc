package org.gridlink.platform.api;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.security.ApiTokens;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and my API tokens. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Account")
class MeApiController {

	private final ApiTokens tokens;

	private final org.gridlink.platform.Accounts accounts;

	MeApiController(ApiTokens tokens, org.gridlink.platform.Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	record Me(String username, String displayName, Set<Role> roles, List<String> scope) {
	}

	record TokenRequest(String name) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's password (the current one is required); the caller's other sessions end")
	void changePassword(CurrentUser user,
			@RequestBody PasswordChange change) {
		accounts.changePassword(user, change.currentPassword(), change.newPassword());
	}

	@GetMapping("/me")
	@Operation(summary = "The caller: username, roles and scope (jurisdiction codes)")
	Me me(CurrentUser user) {
		return new Me(user.username(), user.displayName(), user.roles(),
				user.scope().codes().stream().sorted().toList());
	}

	@GetMapping("/tokens")
	@Operation(summary = "The caller's API tokens (never the token itself)")
	List<ApiTokens.TokenView> tokens(CurrentUser user) {
		return tokens.list(user.id());
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token; the plain token is in this answer only")
	ApiTokens.CreatedToken create(CurrentUser user, @RequestBody TokenRequest request) {
		return tokens.create(user.id(), user.username(), request.name());
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's API tokens")
	void revoke(CurrentUser user, @PathVariable long id) {
		tokens.revoke(user.id(), user.username(), id);
	}
}
