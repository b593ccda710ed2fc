package org.gridlink.enterprise.support;

/**
 * Where a legal check-up stands: scheduled (the link is out), self-checked (the enterprise answered), diagnosed (the
 * team recorded findings), revisited (findings closed or re-opened on the revisit).
 */
public enum CheckupStatus {
	SCHEDULED, SELF_CHECKED, DIAGNOSED, REVISITED;

	public String word() {
		return "support.checkup.status." + name();
	}

	/** The enterprise may still answer (or correct) the questionnaire. */
	public boolean open() {
		return this == SCHEDULED || this == SELF_CHECKED;
	}
}
