package org.gridlink.enterprise.support;

/** The grade of a check-up finding: red and orange need a fix (within 15 and 30 days), yellow is advice. */
public enum Risk {
	RED(15), ORANGE(30), YELLOW(0);

	private final int fixDays;

	Risk(int fixDays) {
		this.fixDays = fixDays;
	}

	public boolean needsFix() {
		return fixDays > 0;
	}

	/** Days the enterprise has to fix it; 0 for advice. */
	public int fixDays() {
		return fixDays;
	}

	public String word() {
		return "support.risk." + name();
	}

	/** The status colour class of app.css. */
	public String badge() {
		return switch (this) {
			case RED -> "gl-badge-overdue";
			case ORANGE -> "gl-badge-warning";
			case YELLOW -> "gl-badge-paused";
		};
	}
}
