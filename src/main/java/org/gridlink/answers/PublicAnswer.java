package org.gridlink.answers;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One public answer. {@code status}: DRAFT (only the desk sees it), PUBLISHED (public), WITHDRAWN (no longer public;
 * kept with who withdrew it and why). The public view never carries who wrote it ({@code createdBy} null there).
 */
@org.springframework.modulith.NamedInterface("api")
public record PublicAnswer(long id, String question, String answer, String source, LocalDate date, AnswerTheme theme,
		String themeName, String status, @Nullable OffsetDateTime publishedAt, @Nullable String createdBy,
		@Nullable String withdrawNote, int version) {

	public static final String DRAFT = "DRAFT";
	public static final String PUBLISHED = "PUBLISHED";
	public static final String WITHDRAWN = "WITHDRAWN";

	/** The public path of the answer. */
	public String path() {
		return "/answers/" + id;
	}

	public boolean published() {
		return PUBLISHED.equals(status);
	}
}
