package org.gridlink.enterprise.support;

/** The four seats of an advisory team (顾问团): police officer, judge, procurator, lawyer. */
public enum Seat {
	POLICE, JUDGE, PROCURATOR, LAWYER;

	public String word() {
		return "support.team.seat." + name();
	}
}
