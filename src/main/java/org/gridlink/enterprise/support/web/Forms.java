package org.gridlink.enterprise.support.web;

import java.util.Locale;

import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.springframework.context.MessageSource;

/** A refusal shown beside the field it names (the first message argument) and in the summary. */
final class Forms {

	private Forms() {
	}

	static FormErrors errors(MessageSource messages, Locale locale, InvalidInputException ex) {
		Object[] args = ex.arguments();
		String field = args.length > 0 && args[0] instanceof String s ? s : "form";
		return FormErrors.in(messages, locale).add(field, ex);
	}
}
