package org.gridlink.notices;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.platform.InvalidInputException;

/**
 * A notice's text is public: the only per-person variables are the recipient's own {@code {name}} and
 * {@code {community}}; anything else in braces, and anything that looks like a phone or ID number, is refused.
 */
final class NoticeTexts {

	static final Set<String> VARIABLES = Set.of("name", "community");
	static final int MAX_TITLE = 100;
	static final int MAX_BODY = 500;

	private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}|\\$\\{([^{}]*)}");
	private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

	private NoticeTexts() {
	}

	static String title(String title) {
		if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
			throw new InvalidInputException("notices.title.invalid", MAX_TITLE);
		}
		personal(title, "title");
		return title.strip();
	}

	static String body(String body) {
		if (body == null || body.isBlank() || body.strip().length() > MAX_BODY) {
			throw new InvalidInputException("notices.body.invalid", MAX_BODY);
		}
		Matcher m = VARIABLE.matcher(body);
		while (m.find()) {
			String name = m.group(1) != null ? m.group(1) : m.group(2);
			if (!VARIABLES.contains(name.strip())) {
				throw new InvalidInputException("notices.body.variable", m.group());
			}
		}
		personal(body, "body");
		return body.strip();
	}

	private static void personal(String text, String field) {
		if (PHONE.matcher(text).find() || ID_NUMBER.matcher(text).find()) {
			throw new InvalidInputException("notices." + field + ".personal");
		}
	}

	/** The text for one recipient: their own name and community filled in. */
	static String render(String body, String name, String community) {
		Matcher m = VARIABLE.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String variable = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
			m.appendReplacement(out, Matcher.quoteReplacement(Map.of("name", name, "community", community)
					.getOrDefault(variable, "")));
		}
		m.appendTail(out);
		return out.toString();
	}
}
