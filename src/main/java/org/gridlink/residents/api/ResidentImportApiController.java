package org.gridlink.residents.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.residents.ImportDownloads;
import org.gridlink.residents.ImportJob;
import org.gridlink.residents.ResidentImports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import of residents: upload (202 and a job id), job status, rejected rows as CSV, templates. */
@RestController
@RequestMapping("/api/v1/residents/imports")
@Tag(name = "Residents")
class ResidentImportApiController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
	static final MediaType XLSX = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ResidentImports imports;

	ResidentImportApiController(ResidentImports imports) {
		this.imports = imports;
	}

	/** The job as the API shows it. */
	record Status(long id, String status, int processedRows, int acceptedRows, int rejectedRows,
			@Nullable String message) {

		static Status of(ImportJob job) {
			return new Status(job.id(), job.status().name(), job.processedRows(), job.acceptedRows(),
					job.rejectedRows(), job.messageKey());
		}
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Queue an import of a CSV or .xlsx file (202 with the job id); grid = default grid code")
	ResponseEntity<Map<String, Long>> upload(CurrentUser user,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String grid) throws IOException {
		if (file == null || file.isEmpty()) {
			imports.requireImporter(user);
			throw new InvalidInputException("imports.file.required");
		}
		String name = file.getOriginalFilename() == null ? "import" : file.getOriginalFilename();
		long id = imports.submit(user, name, file.getBytes(), grid);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Status and counts of an import job")
	Status get(CurrentUser user, @PathVariable long id) {
		return Status.of(imports.get(user, id));
	}

	@GetMapping("/{id}/errors.csv")
	@Operation(summary = "Rejected rows: row, column, masked value, reason in Chinese and English")
	ResponseEntity<byte[]> errors(CurrentUser user, @PathVariable long id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImportDownloads.errorsCsv(imports, user, id, out);
		return ResponseEntity.ok().headers(attachment("import-" + id + "-errors.csv", CSV)).body(out.toByteArray());
	}

	@GetMapping("/template.csv")
	@Operation(summary = "CSV template documenting the columns")
	ResponseEntity<byte[]> templateCsv() {
		return ResponseEntity.ok().headers(attachment("residents-template.csv", CSV)).body(ImportDownloads.templateCsv());
	}

	@GetMapping("/template.xlsx")
	@Operation(summary = "Excel template documenting the columns")
	ResponseEntity<byte[]> templateXlsx() {
		return ResponseEntity.ok().headers(attachment("residents-template.xlsx", XLSX))
				.body(ImportDownloads.templateXlsx());
	}

	static HttpHeaders attachment(String filename, MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
		return headers;
	}
}
