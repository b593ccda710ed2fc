package org.gridlink.jurisdiction.api;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.jurisdiction.JurisdictionImport;
import org.gridlink.platform.BulkResult;
import org.gridlink.platform.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Loads the jurisdiction tree from GeoJSON; admins only (see the security configuration). */
@RestController
@Tag(name = "Jurisdictions")
class JurisdictionImportApiController {

	private final JurisdictionImport imports;

	JurisdictionImportApiController(JurisdictionImport imports) {
		this.imports = imports;
	}

	@PostMapping(value = "/api/v1/admin/jurisdictions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upsert jurisdictions and grid boundaries from a GeoJSON FeatureCollection (multipart file)")
	BulkResult importGeoJson(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException("import.file.empty");
		}
		return imports.importGeoJson(file.getInputStream());
	}
}
