package org.gridlink.screening;

/** A campaign is prepared as a draft, started (tasks created, records accepted) and closed. */
public enum CampaignStatus {
	DRAFT, RUNNING, CLOSED
}
