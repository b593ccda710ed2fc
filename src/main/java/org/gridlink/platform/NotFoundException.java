package org.gridlink.platform;

/** A requested record does not exist; answered with 404 and the message key given. */
@org.springframework.modulith.NamedInterface("api")
public class NotFoundException extends RuntimeException {

	private final String messageKey;

	public NotFoundException(String messageKey, String detail) {
		super(detail);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
