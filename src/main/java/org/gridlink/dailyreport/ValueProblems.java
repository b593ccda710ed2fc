package org.gridlink.dailyreport;

import java.util.List;

import org.gridlink.platform.InvalidInputException;

/**
 * Every problem of a report's values, one per field (400). The exception's own message is the first problem's, so
 * an API client reads it at once; a page shows each beside its field ({@link #problems()}).
 */
@org.springframework.modulith.NamedInterface("api")
public class ValueProblems extends InvalidInputException {

	/** One field's problem: the field key, the message key and its arguments. */
	@org.springframework.modulith.NamedInterface("api")
	public record Problem(String field, String messageKey, Object[] arguments) {
	}

	private final List<Problem> problems;

	ValueProblems(List<Problem> problems) {
		super(problems.get(0).messageKey(), problems.get(0).arguments());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
