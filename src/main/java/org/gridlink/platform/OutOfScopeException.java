package org.gridlink.platform;

/**
 * Thrown when a user asks for something outside their jurisdiction scope. The web layer answers 403 with no data
 * and writes an {@code ACCESS_DENIED} audit entry naming the subject.
 */
@org.springframework.modulith.NamedInterface("api")
public class OutOfScopeException extends RuntimeException {

	private final String subjectType;
	private final String subject;

	public OutOfScopeException(String subjectType, String subject) {
		super("Outside the caller's scope: " + subjectType + " " + subject);
		this.subjectType = subjectType;
		this.subject = subject;
	}

	public String subjectType() {
		return subjectType;
	}

	public String subject() {
		return subject;
	}
}
