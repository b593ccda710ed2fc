package org.gridlink.cases;

/** Where a case stands in the loop (GLOSSARY: report, file, dispatch, accept, handle, verify, close, evaluate). */
public enum CaseStatus {
	/** 上报: waiting for the center to file or reject it. */
	REPORTED,
	/** 立案: filed, waiting for dispatch (also after a unit returned it). */
	FILED,
	/** 不予立案: not filed. Final. */
	REJECTED,
	/** 派遣: sent to the lead unit, not yet accepted. */
	DISPATCHED,
	/** 签收: the lead unit is handling it (also after a failed verification: rework). */
	ACCEPTED,
	/** 处置完毕: the unit fed back its result, waiting for verification. */
	HANDLED,
	/** 核查通过: verified, waiting to be closed. */
	VERIFIED,
	/** 缓办: deferred with approval; the clock is stopped. */
	DEFERRED,
	/** 挂账: parked as a long-term case; the clock is stopped. */
	PARKED,
	/** 结案. */
	CLOSED,
	/** 评价: closed and evaluated. Final. */
	EVALUATED,
	/** 作废. Final. */
	VOIDED,
	/** Merged into a near-duplicate. Final. */
	MERGED;

	/** True when nothing more can happen to the case. */
	public boolean isFinal() {
		return this == REJECTED || this == EVALUATED || this == VOIDED || this == MERGED;
	}

	/** True when the case is with a unit and its clock may run. */
	public boolean isWithUnit() {
		return this == DISPATCHED || this == ACCEPTED;
	}

	/** True once the loop is closed (closed, evaluated). */
	public boolean isClosed() {
		return this == CLOSED || this == EVALUATED;
	}
}
