package org.gridlink.screening;

/**
 * A campaign is prepared as a draft, started (STARTING while the grid tasks are being created in the background,
 * no records accepted yet), RUNNING once every grid has its task (records accepted) and closed.
 */
public enum CampaignStatus {
	DRAFT, STARTING, RUNNING, CLOSED
}
