package org.gridlink.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message argument shown as the words of its own message key, in the reader's language — e.g. a status or an
 * action inside a refusal ("…in status “Void”"), never its enum name. Spring's message source resolves it when the
 * message is formatted.
 */
@org.springframework.modulith.NamedInterface("api")
public record Word(String key) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public String getDefaultMessage() {
		return key.substring(key.lastIndexOf('.') + 1);
	}
}
