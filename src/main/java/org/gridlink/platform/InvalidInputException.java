package org.gridlink.platform;

/** Input that breaks a rule; answered with 400, a machine code and the localized message of {@code messageKey}. */
@org.springframework.modulith.NamedInterface("api")
public class InvalidInputException extends UserFacingException {

	public InvalidInputException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}
}
