package org.gridlink.notices;

import java.time.OffsetDateTime;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.Word;

/**
 * The notice's state machine, without Spring or SQL: each step checks that the notice allows it now and returns the
 * notice after it with the history line. Approval must come from someone other than the writer.
 */
record Notice(long id, NoticeStatus status, boolean needsApproval, String createdBy, int version) {

	record Step(Notice before, Notice after, String action, String actor, OffsetDateTime at) {
	}

	/** The writer submits: straight to approved when no approval is needed. */
	Step submit(String actor, OffsetDateTime at) {
		require(NoticeStatus.DRAFT, "submit");
		return step(needsApproval ? NoticeStatus.PENDING_APPROVAL : NoticeStatus.APPROVED, "submit", actor, at);
	}

	Step approve(String actor, OffsetDateTime at) {
		require(NoticeStatus.PENDING_APPROVAL, "approve");
		if (actor.equals(createdBy)) {
			throw new ConflictException("notices.approve.self");
		}
		return step(NoticeStatus.APPROVED, "approve", actor, at);
	}

	Step send(String actor, OffsetDateTime at) {
		require(NoticeStatus.APPROVED, "send");
		return step(NoticeStatus.SENDING, "send", actor, at);
	}

	Step finish(OffsetDateTime at) {
		require(NoticeStatus.SENDING, "finish");
		return step(NoticeStatus.SENT, "finish", "system", at);
	}

	Step cancel(String actor, OffsetDateTime at) {
		if (status.isFinal() || status == NoticeStatus.SENDING) {
			throw new ConflictException("notices.step.refused", new Word("notices.action.cancel"),
					new Word("notices.status." + status.name()));
		}
		return step(NoticeStatus.CANCELLED, "cancel", actor, at);
	}

	private void require(NoticeStatus wanted, String action) {
		if (status != wanted) {
			throw new ConflictException("notices.step.refused", new Word("notices.action." + action),
					new Word("notices.status." + status.name()));
		}
	}

	private Step step(NoticeStatus to, String action, String actor, OffsetDateTime at) {
		return new Step(this, new Notice(id, to, needsApproval, createdBy, version + 1), action, actor, at);
	}
}
