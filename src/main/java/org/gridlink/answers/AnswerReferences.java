package org.gridlink.answers;

import java.util.List;
import java.util.Optional;

import org.gridlink.cases.PublicReferences;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The published answers as public references of the cases module: a case page offers them, and a case answered by
 * one keeps its title and link (key {@code answer:<id>}). Only published answers are offered or found.
 */
@Component
class AnswerReferences implements PublicReferences {

	static final String PREFIX = "answer:";

	private final PublicAnswers answers;

	AnswerReferences(PublicAnswers answers) {
		this.answers = answers;
	}

	@Override
	public List<PublicReference> offered(int limit) {
		return answers.published(null, null, PageRequest.of(0, Math.max(1, Math.min(limit, 200)))).getContent()
				.stream().map(AnswerReferences::reference).toList();
	}

	@Override
	public Optional<PublicReference> find(String key) {
		if (!key.startsWith(PREFIX) || !key.substring(PREFIX.length()).matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return answers.findPublished(Long.parseLong(key.substring(PREFIX.length()))).map(AnswerReferences::reference);
	}

	private static PublicReference reference(PublicAnswer a) {
		return new PublicReference(PREFIX + a.id(), a.question(), a.path());
	}
}
