package org.gridlink.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The problems of a submitted form, one localized message per field in the order found. Pages show each next to
 * its field and all of them in the error summary at the top, whose links jump to the field with that id.
 */
@org.springframework.modulith.NamedInterface("api")
public final class FormErrors {

	private final MessageSource messages;
	private final Locale locale;
	private final Map<String, String> byField = new LinkedHashMap<>();

	private FormErrors(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public static FormErrors in(MessageSource messages, Locale locale) {
		return new FormErrors(messages, locale);
	}

	/** Adds an already localized message; the first message of a field wins. */
	public FormErrors add(String field, String message) {
		byField.putIfAbsent(field, message);
		return this;
	}

	public FormErrors add(String field, InvalidInputException problem) {
		return add(field, messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
	}

	public FormErrors addKey(String field, String messageKey, Object... arguments) {
		return add(field, messages.getMessage(messageKey, arguments, messageKey, locale));
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String get(String field) {
		return byField.getOrDefault(field, "");
	}

	public Map<String, String> all() {
		return Collections.unmodifiableMap(byField);
	}

	public boolean isEmpty() {
		return byField.isEmpty();
	}
}
