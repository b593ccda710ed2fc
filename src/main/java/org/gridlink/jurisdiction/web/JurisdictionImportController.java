package org.gridlink.jurisdiction.web;

import java.io.IOException;

import org.gridlink.jurisdiction.JurisdictionImport;
import org.gridlink.platform.BulkResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Admin page to load or update the jurisdiction tree and grid boundaries from GeoJSON. */
@Controller
class JurisdictionImportController {

	private final JurisdictionImport imports;

	JurisdictionImportController(JurisdictionImport imports) {
		this.imports = imports;
	}

	@GetMapping("/admin/jurisdictions/import")
	String form() {
		return "jurisdiction/import";
	}

	@PostMapping("/admin/jurisdictions/import")
	String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("fileError", true);
			return "jurisdiction/import";
		}
		BulkResult result = imports.importGeoJson(file.getInputStream());
		model.addAttribute("result", result);
		return "jurisdiction/import";
	}
}
