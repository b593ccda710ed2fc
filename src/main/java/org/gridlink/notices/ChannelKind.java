package org.gridlink.notices;

/**
 * The channels a notice may use. INBOX (staff), SMS (residents), GROUP (work-chat group robot, {@link GroupChannel})
 * and PRINT (door-to-door list, {@link PrintLists}: no outbox rows, a PDF generated on demand) are implemented; EMAIL
 * is declared for installations to come and refused by a notice for now.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ChannelKind {
	INBOX, SMS, EMAIL, GROUP, PRINT;

	public boolean implemented() {
		return this != EMAIL;
	}
}
