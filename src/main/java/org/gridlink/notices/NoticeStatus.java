package org.gridlink.notices;

/** Where a notice stands: draft → pending approval → approved → sending → sent; cancelled before sending. */
@org.springframework.modulith.NamedInterface("api")
public enum NoticeStatus {
	DRAFT, PENDING_APPROVAL, APPROVED, SENDING, SENT, CANCELLED;

	public boolean isFinal() {
		return this == SENT || this == CANCELLED;
	}
}
