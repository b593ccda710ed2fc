package org.gridlink.enterprise.appeals;

/**
 * The steps of an appeal's clock: respond (the lead unit accepts the case, 签收/响应), plan (the unit's feedback with
 * its answer and plan, 处置反馈/方案) and close (the case is closed, 办结).
 */
public enum AppealStep {
	RESPOND, PLAN, CLOSE
}
