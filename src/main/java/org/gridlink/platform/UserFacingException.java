package org.gridlink.platform;

/**
 * A refusal the user can act on, told by a message key and its arguments (localized by the error handlers):
 * {@link InvalidInputException} (400) and {@link ConflictException} (409).
 */
@org.springframework.modulith.NamedInterface("api")
public abstract class UserFacingException extends RuntimeException {

	private final String messageKey;
	private final Object[] arguments;

	protected UserFacingException(String messageKey, Object... arguments) {
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
