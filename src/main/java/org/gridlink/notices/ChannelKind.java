package org.gridlink.notices;

/**
 * The channels a notice may use. INBOX (staff) and SMS (residents) are implemented; EMAIL, GROUP (work-chat group
 * robot) and PRINT (door-to-door list) are declared for installations to come and refused by a notice for now.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ChannelKind {
	INBOX, SMS, EMAIL, GROUP, PRINT;

	public boolean implemented() {
		return this == INBOX || this == SMS;
	}
}
