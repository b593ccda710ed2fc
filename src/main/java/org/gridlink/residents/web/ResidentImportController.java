package org.gridlink.residents.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.residents.ImportDownloads;
import org.gridlink.residents.ImportJob;
import org.gridlink.residents.ResidentImports;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages of the residents import: upload (drop or choose a file, templates, my recent imports) and a job page whose
 * progress bar htmx refreshes every second until the job ends, then counts and the rejected rows.
 */
@Controller
@RequestMapping("/residents/imports")
class ResidentImportController {

	static final int ERRORS_SHOWN = 200;

	private final ResidentImports imports;
	private final MessageSource messages;

	ResidentImportController(ResidentImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String form(CurrentUser user, @RequestParam(name = "tooLarge", required = false) @Nullable String tooLarge,
			Model model,
			Locale locale) {
		imports.requireImporter(user);
		FormErrors errors = FormErrors.in(messages, locale);
		if (tooLarge != null) {
			errors.addKey("file", "imports.file.tooLarge");
		}
		return form(user, model, errors, null);
	}

	private String form(CurrentUser user, Model model, FormErrors errors, @Nullable String grid) {
		model.addAttribute("errors", errors);
		model.addAttribute("grid", grid == null ? "" : grid);
		model.addAttribute("recent", imports.recent(user, 10));
		return "residents/imports";
	}

	@PostMapping
	String upload(CurrentUser user, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String grid, Model model, Locale locale) throws IOException {
		imports.requireImporter(user);
		FormErrors errors = FormErrors.in(messages, locale);
		if (file == null || file.isEmpty() || file.getOriginalFilename() == null) {
			return form(user, model, errors.addKey("file", "imports.file.required"), grid);
		}
		try {
			long id = imports.submit(user, file.getOriginalFilename(), file.getBytes(), grid);
			return "redirect:/residents/imports/" + id;
		}
		catch (InvalidInputException ex) {
			String field = ex.messageKey().startsWith("imports.grid") ? "grid" : "file";
			return form(user, model, errors.add(field, ex), grid);
		}
	}

	@GetMapping("/{id}")
	String job(CurrentUser user, @PathVariable long id, Model model) {
		ImportJob job = imports.get(user, id);
		model.addAttribute("job", job);
		model.addAttribute("errors", job.status().finished() ? imports.errors(user, id, ERRORS_SHOWN) : java.util.List.of());
		model.addAttribute("errorsShown", ERRORS_SHOWN);
		return "residents/import-job";
	}

	@GetMapping("/{id}/progress")
	String progress(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("job", imports.get(user, id));
		return "residents/import-job :: progress";
	}

	@GetMapping("/{id}/errors.csv")
	ResponseEntity<byte[]> errors(CurrentUser user, @PathVariable long id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImportDownloads.errorsCsv(imports, user, id, out);
		return download("import-" + id + "-errors.csv", "text/csv;charset=UTF-8", out.toByteArray());
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> templateCsv() {
		return download("residents-template.csv", "text/csv;charset=UTF-8", ImportDownloads.templateCsv());
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> templateXlsx() {
		return download("residents-template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				ImportDownloads.templateXlsx());
	}

	private static ResponseEntity<byte[]> download(String filename, String type, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(type));
		headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
		return ResponseEntity.ok().headers(headers).body(body);
	}
}
