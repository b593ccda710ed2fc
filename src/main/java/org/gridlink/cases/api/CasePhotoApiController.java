package org.gridlink.cases.api;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.cases.CasePhotos;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photos of a case: add (JPEG, PNG, WebP up to 10 MB), list, and read the bytes. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CasePhotoApiController {

	private final CasePhotos photos;

	CasePhotoApiController(CasePhotos photos) {
		this.photos = photos;
	}

	@PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a photo to a case the caller may see: JPEG, PNG or WebP (checked by content) up to "
			+ "10 MB; stage REPORT (default) or FEEDBACK (lead unit or center). The original is kept; a copy without "
			+ "metadata (EXIF/XMP incl. GPS, comments) is what other viewers get")
	CasePhotos.PhotoRef add(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@Parameter(description = "REPORT (default) or FEEDBACK")
			@RequestParam(required = false) @Nullable String stage, @Parameter(hidden = true) CurrentUser user) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException("cases.photo.empty");
		}
		return photos.add(user, id, stage, file.getBytes());
	}

	@GetMapping("/{id}/photos")
	@Operation(summary = "The photos of a case, oldest first (without their bytes)")
	List<CasePhotos.PhotoRef> list(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return photos.list(user, id);
	}

	@GetMapping("/photos/{photoId}")
	@Operation(summary = "A photo's bytes: the original for the case's units and the center, otherwise the copy "
			+ "without metadata (header X-Photo-Original tells which)")
	ResponseEntity<byte[]> content(@PathVariable long photoId, @Parameter(hidden = true) CurrentUser user) {
		CasePhotos.PhotoContent photo = photos.content(user, photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
				.cacheControl(CacheControl.noStore().cachePrivate())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Disposition", "inline")
				.header("X-Photo-Original", String.valueOf(photo.original())).body(photo.bytes());
	}
}
