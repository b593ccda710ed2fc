package org.gridlink.platform.api;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.AuditChain;
import org.gridlink.platform.AuditEntry;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.AuditTrail;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit trail search; auditors only (the security configuration refuses everyone else, the admin included). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApiController {

	private final AuditTrail audit;

	AuditApiController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the audit trail's hash chain: intact, or the first broken entry")
	AuditChain.Verification verify() {
		return audit.verify();
	}

	@GetMapping
	@Operation(summary = "Search the audit trail, newest first")
	PagedModel<AuditEntry> search(@Valid @ModelAttribute AuditQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(audit.search(query,
				ApiPaging.of(page, size)));
	}
}
