package org.gridlink.platform.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.AuditEntry;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
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

	@GetMapping
	@Operation(summary = "Search the audit trail, newest first")
	PagedModel<AuditEntry> search(@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String ip,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(audit.search(new AuditQuery(username, action, subject, outcome, ip, from, to),
				ApiPaging.of(page, size)));
	}
}
