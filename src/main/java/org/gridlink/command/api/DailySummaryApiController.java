package org.gridlink.command.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;

import org.gridlink.command.DailySummaries;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily summaries (center, leaders): the list, the PDF and the workbook of a day, and writing one again. */
@RestController
@RequestMapping("/api/v1/daily-summaries")
@Tag(name = "Command center")
class DailySummaryApiController {

	static final MediaType XLSX = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DailySummaries summaries;

	DailySummaryApiController(DailySummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping
	@Operation(summary = "The stored summaries, newest day first: date, created, by (CENTER, LEADER, ADMIN; STREET and COMMUNITY "
			+ "download their own place's)")
	PagedModel<DailySummaries.SummaryLine> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) CurrentUser user) {
		return new PagedModel<>(summaries.list(user, ApiPaging.of(page, size)));
	}

	@GetMapping("/{date}.pdf")
	@Operation(summary = "The summary of a day as PDF (A4, Chinese, font embedded); 404 when not written. "
			+ "jurisdiction: a street or community within the caller's scope (default: the district for the center "
			+ "and leaders, the caller's own place for street and community staff); outside the scope 403")
	ResponseEntity<byte[]> pdf(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @Nullable String jurisdiction, @Parameter(hidden = true) CurrentUser user) {
		return file(summaries.file(user, date, "pdf", jurisdiction), MediaType.APPLICATION_PDF, date + ".pdf");
	}

	@GetMapping("/{date}.xlsx")
	@Operation(summary = "The summary of a day as an Excel workbook (one sheet per section); 404 when not written; "
			+ "jurisdiction as for the PDF")
	ResponseEntity<byte[]> xlsx(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @Nullable String jurisdiction, @Parameter(hidden = true) CurrentUser user) {
		return file(summaries.file(user, date, "xlsx", jurisdiction), XLSX, date + ".xlsx");
	}

	@PostMapping("/{date}")
	@Operation(summary = "Write the summary of a past day (again)")
	DailySummaries.SummaryLine regenerate(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@Parameter(hidden = true) CurrentUser user) {
		return summaries.regenerate(user, date);
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
		return ResponseEntity.ok().contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("daily-summary-" + name).build().toString())
				.body(bytes);
	}
}
