package org.gridlink.quarantine.web;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.quarantine.OrderEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The quarantine histories as people read them: who by name ("the person" for a self-report, "system" for a watcher),
 * and an order step's detail with its machine words (HOME, CENTRALIZED, EARLY, COMPLETED, a grid code) in the
 * reader's language. The rows keep what was recorded.
 */
@Component
class HistoryWords {

	/** An order step as the page shows it. */
	record OrderLine(String action, OffsetDateTime at, String who, String detail, String reason) {
	}

	private static final Pattern TOKEN = Pattern.compile("\\b(HOME|CENTRALIZED|EARLY|COMPLETED|\\d{15})\\b");

	private final Accounts accounts;
	private final JurisdictionDirectory places;
	private final MessageSource messages;

	HistoryWords(Accounts accounts, JurisdictionDirectory places, MessageSource messages) {
		this.accounts = accounts;
		this.places = places;
		this.messages = messages;
	}

	List<OrderLine> order(List<OrderEvent> history) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> who = people(history.stream().map(OrderEvent::actor).toList());
		return history.stream().map(e -> new OrderLine(e.action(), e.at(), who.get(e.actor()),
				detail(e.detail() == null ? "" : e.detail(), locale), e.reason() == null ? "" : e.reason())).toList();
	}

	/** Display words for the people who recorded something, by the name stored with it. */
	Map<String, String> people(Collection<String> recordedBy) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new HashMap<>();
		for (String by : recordedBy) {
			names.computeIfAbsent(by, b -> switch (b) {
				case "self" -> messages.getMessage("checkins.by.self", null, b, locale);
				case "system" -> messages.getMessage("checkins.by.system", null, b, locale);
				default -> accounts.find(b).map(AccountView::displayName).orElse(b);
			});
		}
		return names;
	}

	private String detail(String raw, Locale locale) {
		Matcher m = TOKEN.matcher(raw);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String token = m.group(1);
			String word = switch (token) {
				case "HOME", "CENTRALIZED" -> messages.getMessage("quarantine.type." + token, null, token, locale);
				case "EARLY", "COMPLETED" -> messages.getMessage("quarantine.release." + token, null, token, locale);
				default -> places.names(List.of(token)).getOrDefault(token, token) + " " + token;
			};
			m.appendReplacement(out, Matcher.quoteReplacement(word));
		}
		m.appendTail(out);
		return out.toString();
	}
}
