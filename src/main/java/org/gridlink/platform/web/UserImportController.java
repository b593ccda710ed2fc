package org.gridlink.platform.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.apache.commons.csv.CSVPrinter;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.BulkResult;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.RowError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk creation of users from a CSV file: upload form, result page with counts and a per-row error table, the
 * CSV template and the error report of the user's last import (kept in their session).
 */
@Controller
@RequestMapping("/admin/users/import")
class UserImportController {

	static final String REPORT = UserImportController.class.getName() + ".report";
	static final List<String> TEMPLATE_HEADER = List.of("username", "display_name", "roles", "scope", "password");
	static final List<String> TEMPLATE_EXAMPLE = List.of("zhang.wei", "张伟", "GRID_WORKER",
			"320819001001001|320819001001002", "Change2026x");

	private final Accounts accounts;
	private final MessageSource messages;

	UserImportController(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping
	String form(@RequestParam(name = UploadLimitFilter.PARAMETER, required = false) @Nullable String tooLarge,
			Model model, Locale locale) {
		FormErrors errors = FormErrors.in(messages, locale);
		if (tooLarge != null) {
			errors.addKey("file", "admin.import.file.tooLarge");
		}
		model.addAttribute("errors", errors);
		return "admin/users/import";
	}

	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale,
			HttpSession session) throws IOException {
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			model.addAttribute("errors", FormErrors.in(messages, locale).addKey("file", "admin.import.file.required"));
			return "admin/users/import";
		}
		BulkResult result = accounts.importCsv(file.getBytes());
		session.setAttribute(REPORT, errorReport(result, locale));
		model.addAttribute("result", result);
		model.addAttribute("filename", file.getOriginalFilename());
		return "admin/users/import-result";
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = SafeCsv.open(out, TEMPLATE_HEADER)) {
			printer.printRecord(TEMPLATE_EXAMPLE);
		}
		return ResponseEntity.ok().headers(SafeCsv.attachment("users-template.csv"))
				.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/errors.csv")
	ResponseEntity<byte[]> errors(HttpSession session) {
		if (!(session.getAttribute(REPORT) instanceof String report)) {
			return ResponseEntity.status(303).header("Location", "/admin/users/import").build();
		}
		return ResponseEntity.ok().headers(SafeCsv.attachment("users-import-errors.csv"))
				.body(report.getBytes(StandardCharsets.UTF_8));
	}

	private String errorReport(BulkResult result, Locale locale) throws IOException {
		StringWriter out = new StringWriter();
		List<String> header = List.of(message("admin.import.row", locale), message("admin.import.column", locale),
				message("admin.import.message", locale));
		try (CSVPrinter printer = SafeCsv.open(out, header)) {
			for (RowError error : result.errors()) {
				SafeCsv.row(printer, error.row(), error.column(), error.message());
			}
		}
		return out.toString();
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
