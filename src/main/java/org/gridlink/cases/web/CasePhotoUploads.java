package org.gridlink.cases.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridlink.cases.CasePhotos;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;

/** Adds the photos of a page's file input to a case, one by one; a refused photo does not stop the others. */
final class CasePhotoUploads {

	private CasePhotoUploads() {
	}

	/** The messages of the refused photos, each naming its file; empty when all were stored (or none was sent). */
	static List<String> add(CasePhotos photos, CurrentUser user, long caseId, String stage,
			@Nullable List<MultipartFile> files, MessageSource messages, Locale locale) {
		List<String> refused = new ArrayList<>();
		if (files == null) {
			return refused;
		}
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue; // the empty part a browser sends for an untouched file input
			}
			try {
				photos.add(user, caseId, stage, file.getBytes());
			}
			catch (InvalidInputException ex) {
				refused.add(messages.getMessage("cases.photos.refused", new Object[] { file.getOriginalFilename(),
						messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale) }, locale));
			}
			catch (IOException ex) {
				refused.add(messages.getMessage("cases.photos.refused",
						new Object[] { file.getOriginalFilename(), ex.getMessage() }, locale));
			}
		}
		return refused;
	}
}
