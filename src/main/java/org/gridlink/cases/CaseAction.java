package org.gridlink.cases;

import java.util.Optional;

/** The steps a user can take on a case; {@link #path()} is the name in {@code /api/v1/cases/{id}/actions/{path}}. */
public enum CaseAction {
	FILE("file"), REJECT("reject"), DISPATCH("dispatch"), ACCEPT("accept"), RETURN("return"), FEEDBACK("feedback"),
	VERIFY("verify"), CLOSE("close"), EVALUATE("evaluate"), EXTEND("extend"), APPROVE_EXTENSION("approve-extension"),
	DEFER("defer"), APPROVE_DEFERRAL("approve-deferral"), PARK("park"), RESUME("resume"), URGE("urge"),
	VOID("void"), MERGE("merge");

	private final String path;

	CaseAction(String path) {
		this.path = path;
	}

	public String path() {
		return path;
	}

	/** True for the steps that undo or end the work rather than move it on: reject, return, void, merge. */
	public boolean isSetback() {
		return this == REJECT || this == RETURN || this == VOID || this == MERGE;
	}

	public static Optional<CaseAction> fromPath(String path) {
		for (CaseAction action : values()) {
			if (action.path.equals(path)) {
				return Optional.of(action);
			}
		}
		return Optional.empty();
	}
}
