package org.gridlink.notices;

/**
 * The channels a notice may use. INBOX (staff), SMS (residents) and PRINT (door-to-door list, {@link PrintLists}: no
 * outbox rows, a PDF generated on demand) are implemented; EMAIL and GROUP (work-chat group robot) are declared for
 * installations to come and refused by a notice for now.
 */
@org.springframework.modulith.NamedInterface("api")
public enum ChannelKind {
	INBOX, SMS, EMAIL, GROUP, PRINT;

	public boolean implemented() {
		return this == INBOX || this == SMS || this == PRINT;
	}
}
