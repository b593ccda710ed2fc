package org.gridlink.answers;

import org.jspecify.annotations.Nullable;

/**
 * An answer the duty desk writes: the question, the answer, its source (the authority that gives it), the date it
 * was given ({@code yyyy-MM-dd}), the theme's code ({@link AnswerTheme}); {@code publish}: published at once.
 * Checked by {@link PublicAnswers#create}.
 */
@org.springframework.modulith.NamedInterface("api")
public record NewAnswer(@Nullable String question, @Nullable String answer, @Nullable String source,
		@Nullable String date, @Nullable String theme, @Nullable Boolean publish) {
}
