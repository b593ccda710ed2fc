package org.gridlink.platform.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVPrinter;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for auditors (the security configuration refuses everyone else, the admin included): filters,
 * newest first, paged, and a CSV export of the filtered entries. Read-only: there is nothing to change here.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

	static final int PAGE_SIZE = 50;
	static final int EXPORT_LIMIT = 100_000;
	static final List<String> OUTCOMES = List.of(AuditTrail.SUCCESS, AuditTrail.FAILURE, AuditTrail.DENIED);

	private final AuditTrail audit;
	private final MessageSource messages;

	AuditController(AuditTrail audit, MessageSource messages) {
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String search(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
			Model model, Locale locale) {
		FormErrors errors = FormErrors.in(messages, locale);
		AuditQuery query = filter.toQuery(errors);
		model.addAttribute("errors", errors);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("time", DistrictTime.INSTANCE);
		model.addAttribute("entries", query == null ? Page.empty(PageRequest.of(0, PAGE_SIZE))
				: audit.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		model.addAttribute("pageUrl", filter.link("/audit") + "&page=");
		model.addAttribute("exportUrl", filter.link("/audit/export.csv"));
		model.addAttribute("exportLimit", EXPORT_LIMIT);
		return "audit/list";
	}

	/** The filtered entries as CSV, newest first, at most {@value #EXPORT_LIMIT}; the export itself is audited. */
	/** The auditor checks the hash chain: intact, or the first broken entry. */
	@GetMapping("/verify")
	String verify(Model model) {
		model.addAttribute("result", audit.verify());
		return "audit/verify";
	}

	@GetMapping("/export.csv")
	void export(@ModelAttribute AuditFilter filter, Locale locale, HttpServletResponse response) throws IOException {
		AuditQuery query = filter.toQuery(FormErrors.in(messages, locale));
		if (query == null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		audit.record("AUDIT_EXPORT", "audit", null, AuditTrail.SUCCESS, filter.link("/audit/export.csv"));
		response.setContentType(SafeCsv.TYPE.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, SafeCsv.attachment("audit.csv").getContentDisposition()
				.toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		CSVPrinter printer = SafeCsv.open(out, List.of("id", message("audit.time", locale),
				message("audit.username", locale), message("audit.action", locale), message("audit.subjectType", locale),
				message("audit.subject", locale), message("audit.outcome", locale), message("audit.ip", locale),
				message("audit.detail", locale)));
		audit.forEach(query, EXPORT_LIMIT, e -> {
			try {
				SafeCsv.row(printer, e.id(), DistrictTime.INSTANCE.format(e.occurredAt()), e.username(),
						e.action(), e.subjectType(), e.subject(), e.outcome(), e.ip(), e.detail());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		printer.flush();
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
