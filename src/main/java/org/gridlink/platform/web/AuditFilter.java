package org.gridlink.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit page's filters as typed; dates are {@code yyyy-MM-dd} in the district's time zone, both inclusive. */
public class AuditFilter {

	private String username = "";
	private String action = "";
	private String subject = "";
	private String outcome = "";
	private String ip = "";
	private String from = "";
	private String to = "";

	/** The query, or {@code null} when a date does not parse (the problems are added to {@code errors}). */
	@Nullable AuditQuery toQuery(FormErrors errors) {
		LocalDate fromDate = date("from", from, errors);
		LocalDate toDate = date("to", to, errors);
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			errors.addKey("to", "audit.filter.to.before.from");
		}
		return errors.isEmpty() ? new AuditQuery(username, action, subject, outcome, ip, fromDate, toDate) : null;
	}

	private static @Nullable LocalDate date(String field, String text, FormErrors errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			errors.addKey(field, "audit.filter.date.invalid", text);
			return null;
		}
	}

	/** A link to {@code path} with these filters as query parameters. */
	String link(String path) {
		return UriComponentsBuilder.fromPath(path).queryParam("username", username).queryParam("action", action)
				.queryParam("subject", subject).queryParam("outcome", outcome).queryParam("ip", ip)
				.queryParam("from", from).queryParam("to", to).encode().build().toUriString();
	}

	private static String clean(@Nullable String value) {
		return value == null ? "" : value.trim();
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = clean(username);
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = clean(action);
	}

	public String getSubject() {
		return subject;
	}

	public void setSubject(String subject) {
		this.subject = clean(subject);
	}

	public String getOutcome() {
		return outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = clean(outcome);
	}

	public String getIp() {
		return ip;
	}

	public void setIp(String ip) {
		this.ip = clean(ip);
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = clean(from);
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = clean(to);
	}
}
