package org.gridlink.notices;

/**
 * The channels a notice may use: INBOX (staff), SMS (residents), EMAIL (staff with an address, {@link EmailChannel};
 * refused by a notice when no SMTP server is configured), GROUP (work-chat group robot, {@link GroupChannel}) and
 * PRINT (door-to-door list, {@link PrintLists}: no outbox rows, a PDF generated on demand).
 */
@org.springframework.modulith.NamedInterface("api")
public enum ChannelKind {
	INBOX, SMS, EMAIL, GROUP, PRINT;

	public boolean implemented() {
		return true;
	}
}
