package org.gridlink.answers;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The theme of a public answer (a small fixed code list; shown in words, {@code answers.theme.<NAME>}). */
@org.springframework.modulith.NamedInterface("api")
public enum AnswerTheme {
	/** 疫情防控. */
	EPIDEMIC,
	/** 市容环境. */
	CITY,
	/** 交通出行. */
	TRAFFIC,
	/** 民生保障. */
	LIVELIHOOD,
	/** 公共安全. */
	SAFETY,
	/** 政策解读. */
	POLICY,
	/** 其他. */
	OTHER;

	/** The theme by its code; empty for null, blank or unknown. */
	public static Optional<AnswerTheme> parse(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		for (AnswerTheme t : values()) {
			if (t.name().equals(code.strip())) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}
}
