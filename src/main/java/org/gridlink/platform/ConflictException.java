package org.gridlink.platform;

/**
 * Someone else changed the record first (optimistic locking) or it is in a state that no longer allows the step:
 * answered with 409 and a message telling the user to reload.
 */
@org.springframework.modulith.NamedInterface("api")
public class ConflictException extends UserFacingException {

	public ConflictException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}
}
