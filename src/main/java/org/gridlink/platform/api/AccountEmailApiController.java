package org.gridlink.platform.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.AccountEmails;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An account's optional e-mail address (the notices EMAIL channel), set by an admin. */
@RestController
@Tag(name = "Accounts")
class AccountEmailApiController {

	private final AccountEmails emails;

	AccountEmailApiController(AccountEmails emails) {
		this.emails = emails;
	}

	record Email(@Nullable String email) {
	}

	@PutMapping("/api/v1/admin/users/{id}/email")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set an account's e-mail address (empty removes it); stored sealed, audited")
	void set(CurrentUser user, @PathVariable long id, @RequestBody Email body) {
		emails.set(user, id, body.email());
	}
}
