package org.gridlink.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a case's history rows into {@link CaseHistoryLine}s. A row keeps what the step recorded (the actor's username,
 * the source name of a report, a machine detail such as {@code [unit=2]} or {@code [passed]} after the note); here
 * they become words in the reader's language and people's names with their unit.
 */
@Component
public class CaseHistoryLines {

	/** The machine detail a step appends to its note (see {@code Case.end}). */
	private static final Pattern DETAIL = Pattern.compile("(?s)^(.*?)\\s*\\[([a-z]+(?:=\\d+)?)\\]$");

	private static final Pattern WITHDRAWN = Pattern.compile("^([A-Z]+) request withdrawn: case ([A-Z]+)$");

	private static final String SYSTEM = "system";

	/** The reporter of a public report (see {@code PublicReportController}) and the prefix of an Open311 client's. */
	private static final String PUBLIC = "public";

	private static final String OPEN311 = "open311:";

	private final Accounts accounts;
	private final UnitNames units;
	private final MessageSource messages;

	CaseHistoryLines(Accounts accounts, UnitNames units, MessageSource messages) {
		this.accounts = accounts;
		this.units = units;
		this.messages = messages;
	}

	public List<CaseHistoryLine> of(CaseView c, Locale locale) {
		return of(c, locale, new HashMap<>());
	}

	/**
	 * The history in words; {@code names} (username to {@link #person}) is filled with the people it names and
	 * consulted first, so a page that also names the reporter looks each person up once.
	 */
	public List<CaseHistoryLine> of(CaseView c, Locale locale, Map<String, String> names) {
		Map<Long, String> unitNames = units.names();
		List<CaseHistoryLine> lines = new ArrayList<>(c.history().size());
		for (CaseEventView e : c.history()) {
			String who = names.computeIfAbsent(e.actor(), a -> person(a, locale));
			List<String> details = new ArrayList<>();
			String note = words(e, details, unitNames, locale);
			lines.add(new CaseHistoryLine(e.id(), e.action(), e.toStatus(), e.at(), who, e.unitName(), details, note));
		}
		return lines;
	}

	/**
	 * A user's display name; words for the time-limit watcher, a public report and an Open311 client; the stored
	 * text when no account has it.
	 */
	public String person(String username, Locale locale) {
		if (SYSTEM.equals(username)) {
			return msg("cases.history.system", locale);
		}
		if (PUBLIC.equals(username)) {
			return msg("cases.history.public", locale);
		}
		if (username.startsWith(OPEN311)) {
			return msg("cases.history.open311", locale, username.substring(OPEN311.length()));
		}
		return accounts.find(username).map(AccountView::displayName).orElse(username);
	}

	/** Fills {@code details} with the step's machine detail in words; returns what is left of the note. */
	private String words(CaseEventView e, List<String> details, Map<Long, String> unitNames, Locale locale) {
		String note = e.note() == null ? "" : e.note();
		if ("report".equals(e.action())) {
			try {
				details.add(msg("cases.source." + CaseSource.valueOf(note.strip()).name(), locale));
				return "";
			}
			catch (IllegalArgumentException notASource) {
				return note;
			}
		}
		if (CaseSteps.WITHDRAWN.equals(e.action())) {
			Matcher m = WITHDRAWN.matcher(note);
			if (m.matches()) {
				details.add(msg("cases.history.withdrawn", locale, msg("cases.pending." + m.group(1), locale),
						msg("cases.status." + m.group(2), locale)));
				return "";
			}
			return note;
		}
		if ("warn".equals(e.action()) || "escalate".equals(e.action())) {
			return "";
		}
		Matcher m = DETAIL.matcher(note);
		if (!m.matches()) {
			return note;
		}
		String detail = detail(m.group(2), unitNames, locale);
		if (detail == null) {
			return note;
		}
		details.add(detail);
		return m.group(1).strip();
	}

	private @Nullable String detail(String raw, Map<Long, String> unitNames, Locale locale) {
		int eq = raw.indexOf('=');
		String key = eq < 0 ? raw : raw.substring(0, eq);
		String value = eq < 0 ? "" : raw.substring(eq + 1);
		return switch (key) {
			case "unit" -> msg("cases.history.unit", locale, unitNames.getOrDefault(Long.valueOf(value), "#" + value));
			case "passed", "rework", "approved", "declined" -> msg("cases.history." + key, locale);
			case "satisfaction" -> msg("cases.history.rating", locale, msg("cases.satisfaction." + value, locale));
			case "hours" -> msg("cases.history.hours", locale, value);
			default -> null;
		};
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
