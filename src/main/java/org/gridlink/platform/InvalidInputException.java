package org.gridlink.platform;

/** Input that breaks a rule; answered with 400, a machine code and the localized message of {@code messageKey}. */
public class InvalidInputException extends RuntimeException {

	private final String messageKey;
	private final Object[] arguments;

	public InvalidInputException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}
}
