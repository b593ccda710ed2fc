package org.gridlink.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * What a page's text must not show, shared by {@link PageWordsTest} (server-rendered HTML) and
 * {@link LookBrowserTest} (the text the browser shows): a constant of one of GridLink's enums (a status, a source, a
 * role… shown raw), a {@code ??key??} of a missing message, an audit detail ({@code kid=…}, {@code [unit=2]}).
 */
final class PageText {

	/** Constants that are also ordinary words of the pages (abbreviations read as such). */
	private static final Set<String> WORDS = Set.of("ID", "API", "CSV", "PDF", "QR", "GPS", "SMS", "EN", "OK");

	/** Audit-style detail: a key=value pair or a bracketed machine detail. */
	private static final Pattern AUDIT_DETAIL = Pattern.compile("\\b(kid|type|unit|rows|grids|satisfaction|hours|community)=\\S|\\[(passed|rework|approved|declined)\\]");

	private static final Pattern CAPS = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

	private static Set<String> enumConstants;

	private PageText() {
	}

	/** The names of the constants of every enum under {@code org.gridlink}, read once from the class path. */
	static synchronized Set<String> enumConstants() {
		if (enumConstants == null) {
			Set<String> found = new TreeSet<>();
			var scanner = new ClassPathScanningCandidateComponentProvider(false);
			scanner.addIncludeFilter(
					(reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
			for (var candidate : scanner.findCandidateComponents("org.gridlink")) {
				try {
					for (Object constant : Class.forName(candidate.getBeanClassName()).getEnumConstants()) {
						String name = ((Enum<?>) constant).name();
						if (name.length() > 1 && !WORDS.contains(name)) {
							found.add(name);
						}
					}
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException(ex);
				}
			}
			enumConstants = found;
		}
		return enumConstants;
	}

	/** The text of an HTML page: scripts, styles, the title and tags stripped, entities decoded, spaces folded. */
	static String of(String html) {
		String body = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
				.replaceAll("(?is)<title>.*?</title>", " ").replaceAll("<[^>]+>", " ");
		return HtmlUtils.htmlUnescape(body).replaceAll("\\s+", " ");
	}

	/** What is wrong with a page's text, each problem prefixed with {@code where}; empty when it reads in words. */
	static List<String> problems(String where, String text) {
		List<String> problems = new ArrayList<>();
		Matcher caps = CAPS.matcher(text);
		Set<String> raw = new TreeSet<>();
		while (caps.find()) {
			if (enumConstants().contains(caps.group())) {
				raw.add(caps.group());
			}
		}
		if (!raw.isEmpty()) {
			problems.add(where + "raw enum names " + raw + " in …" + around(text, raw.iterator().next()) + "…");
		}
		if (text.contains("??")) {
			problems.add(where + "missing message …" + around(text, "??") + "…");
		}
		Matcher audit = AUDIT_DETAIL.matcher(text);
		if (audit.find()) {
			problems.add(where + "audit detail …" + around(text, audit.group()) + "…");
		}
		return problems;
	}

	private static String around(String text, String word) {
		int at = text.indexOf(word);
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + word.length() + 60));
	}
}
