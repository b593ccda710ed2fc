package org.gridlink.mobilization.volunteers;

/** A registration's state: registered and waiting, approved by the community, declined, or left (no longer serves). */
public enum VolunteerStatus {
	PENDING, APPROVED, DECLINED, LEFT
}
