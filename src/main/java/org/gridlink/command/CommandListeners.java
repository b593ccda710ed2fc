package org.gridlink.command;

import org.gridlink.cases.CaseEvents;
import org.gridlink.cases.CaseFacts;
import org.gridlink.passes.CheckpointScanned;
import org.gridlink.passes.PassesChanged;
import org.gridlink.quarantine.QuarantineAlertRaised;
import org.gridlink.quarantine.QuarantineFacts;
import org.gridlink.quarantine.QuarantineOrdered;
import org.gridlink.quarantine.QuarantineSitesChanged;
import org.gridlink.screening.ScreeningProgressed;
import org.gridlink.quarantine.QuarantineReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read model from the modules' events, after their commits, each in its own transaction. Idempotent: the
 * per-item state ({@code command_item}) turns a redelivered event into a no-op, so a retried publication counts once.
 */
@Component
class CommandListeners {

	private final ReadModel model;
	private final CaseFacts caseFacts;
	private final Gauges gauges;
	private final QuarantineFacts quarantineFacts;

	CommandListeners(ReadModel model, CaseFacts caseFacts, Gauges gauges, QuarantineFacts quarantineFacts) {
		this.model = model;
		this.caseFacts = caseFacts;
		this.gauges = gauges;
		this.quarantineFacts = quarantineFacts;
	}

	@ApplicationModuleListener(id = "command.case-reported")
	void on(CaseEvents.CaseReported event) {
		var fact = caseFacts.find(event.caseId());
		if (model.begin(ReadModel.CASE, event.caseId(), event.jurisdictionCode(),
				fact.map(CaseFacts.CaseFact::lat).orElse(null), fact.map(CaseFacts.CaseFact::lng).orElse(null))) {
			var day = fact.map(f -> model.day(f.reportedAt())).orElseGet(model::today);
			model.add(event.jurisdictionCode(), day, Measure.REPORTED, 1);
			model.add(event.jurisdictionCode(), day, Measure.OPEN, 1);
			model.feed(event.jurisdictionCode(), "CASE_REPORTED", String.valueOf(event.caseId()));
		}
	}

	@ApplicationModuleListener(id = "command.case-overdue")
	void on(CaseEvents.CaseOverdue event) {
		ReadModel.Item item = model.item(ReadModel.CASE, event.caseId());
		if (item != null && model.markOverdue(ReadModel.CASE, event.caseId())) {
			model.add(item.code(), model.today(), Measure.OVERDUE, 1);
			model.feed(item.code(), "CASE_OVERDUE", String.valueOf(event.caseId()));
		}
	}

	@ApplicationModuleListener(id = "command.case-closed")
	void on(CaseEvents.CaseClosed event) {
		ReadModel.Item item = model.item(ReadModel.CASE, event.caseId());
		if (item == null) {
			// its CaseReported has not been applied yet (the listeners run concurrently): count the report here
			var fact = caseFacts.find(event.caseId()).orElse(null);
			if (fact == null || !beginEnded(fact)) {
				return;
			}
			closed(fact.jurisdictionCode(), event);
			return;
		}
		if (model.end(ReadModel.CASE, event.caseId())) {
			var today = model.today();
			model.add(item.code(), today, Measure.OPEN, -1);
			if (item.overdue()) {
				model.add(item.code(), today, Measure.OVERDUE, -1);
			}
			closed(item.code(), event);
		}
	}

	/**
	 * A case whose CaseReported is not applied yet ended already (a report voided at once: the listeners run
	 * concurrently): counts the report and records the case as ended, so the late CaseReported changes nothing.
	 */
	private boolean beginEnded(CaseFacts.CaseFact fact) {
		if (!model.begin(ReadModel.CASE, fact.id(), fact.jurisdictionCode(), fact.lat(), fact.lng())) {
			return false;
		}
		model.end(ReadModel.CASE, fact.id());
		model.add(fact.jurisdictionCode(), model.day(fact.reportedAt()), Measure.REPORTED, 1);
		return true;
	}

	/** Rejected, voided or merged: no longer open (no closure counted). */
	@ApplicationModuleListener(id = "command.case-ended")
	void on(CaseEvents.CaseEnded event) {
		ReadModel.Item item = model.item(ReadModel.CASE, event.caseId());
		if (item == null) {
			caseFacts.find(event.caseId()).ifPresent(this::beginEnded);
		}
		else if (model.end(ReadModel.CASE, event.caseId())) {
			var today = model.today();
			model.add(item.code(), today, Measure.OPEN, -1);
			if (item.overdue()) {
				model.add(item.code(), today, Measure.OVERDUE, -1);
			}
			model.feed(item.code(), "CASE_ENDED", String.valueOf(event.caseId()));
		}
		ended(event.caseId());
	}

	/** Reopened for review after a "not satisfied" rating: open again (not overdue: its clock stays stopped). */
	@ApplicationModuleListener(id = "command.case-reopened")
	void on(CaseEvents.CaseReopened event) {
		ReadModel.Item item = model.item(ReadModel.CASE, event.caseId());
		if (item != null && model.reopen(ReadModel.CASE, event.caseId())) {
			model.add(item.code(), model.today(), Measure.OPEN, 1);
			model.feed(item.code(), "CASE_REOPENED", String.valueOf(event.caseId()));
		}
		quarantineFacts.alertOfCase(event.caseId()).ifPresent(alert -> {
			ReadModel.Item a = model.item(ReadModel.ALERT, alert.id());
			if (a != null && model.reopen(ReadModel.ALERT, alert.id())) {
				model.add(a.code(), model.today(), Measure.ALERTS_OPEN, 1);
			}
		});
	}

	/** An alert's case ended (rejected, voided or merged): the alert is no longer open. */
	private void ended(long caseId) {
		quarantineFacts.alertOfCase(caseId).ifPresent(alert -> {
			if (model.begin(ReadModel.ALERT, alert.id(), alert.gridCode(), null, null)) {
				model.end(ReadModel.ALERT, alert.id()); // its QuarantineAlertRaised is not applied yet: it will count nothing
				return;
			}
			ReadModel.Item item = model.item(ReadModel.ALERT, alert.id());
			if (item != null && model.end(ReadModel.ALERT, alert.id())) {
				model.add(item.code(), model.today(), Measure.ALERTS_OPEN, -1);
			}
		});
	}

	/** An alert's case closed: the alert is no longer open. */
	@ApplicationModuleListener(id = "command.alert-case-closed")
	void alertCaseClosed(CaseEvents.CaseClosed event) {
		ended(event.caseId());
	}

	@ApplicationModuleListener(id = "command.alert-raised")
	void on(QuarantineAlertRaised event) {
		quarantineFacts.alert(event.alertId()).ifPresent(alert -> {
			if (model.begin(ReadModel.ALERT, alert.id(), alert.gridCode(), null, null)) {
				model.add(alert.gridCode(), model.day(alert.raisedAt()), Measure.ALERTS_OPEN, 1);
				model.feed(alert.gridCode(), "ALERT_RAISED", String.valueOf(alert.id()));
			}
		});
	}

	@ApplicationModuleListener(id = "command.screening-progressed")
	void on(ScreeningProgressed event) {
		gauges.screening();
	}

	@ApplicationModuleListener(id = "command.sites-changed")
	void on(QuarantineSitesChanged event) {
		gauges.beds();
	}

	@ApplicationModuleListener(id = "command.passes-changed")
	void on(PassesChanged event) {
		gauges.passes();
	}

	@ApplicationModuleListener(id = "command.checkpoint-scanned")
	void on(CheckpointScanned event) {
		gauges.scans();
	}

	private void closed(String code, CaseEvents.CaseClosed event) {
		var today = model.today();
		model.add(code, today, Measure.CLOSED, 1);
		if (event.onTime()) {
			model.add(code, today, Measure.CLOSED_ON_TIME, 1);
		}
		model.feed(code, "CASE_CLOSED", String.valueOf(event.caseId()));
	}

	@ApplicationModuleListener(id = "command.quarantine-ordered")
	void on(QuarantineOrdered event) {
		if (model.begin(ReadModel.ORDER, event.orderId(), event.gridCode(), null, null)) {
			model.add(event.gridCode(), model.day(event.orderedAt()), Measure.QUARANTINED, 1);
			model.feed(event.gridCode(), "QUARANTINE_ORDERED", String.valueOf(event.orderId()));
		}
		gauges.beds(); // a centralized order takes a bed (a home order changes nothing: the resync writes nothing)
	}

	@ApplicationModuleListener(id = "command.quarantine-released")
	void on(QuarantineReleased event) {
		// the listeners run concurrently: when the order's QuarantineOrdered is not applied yet, the order is recorded
		// here as ended, so the late QuarantineOrdered counts nothing (ordered and released: no change)
		if (model.begin(ReadModel.ORDER, event.orderId(), event.gridCode(), null, null)) {
			model.end(ReadModel.ORDER, event.orderId());
		}
		else {
			ReadModel.Item item = model.item(ReadModel.ORDER, event.orderId());
			if (item != null && model.end(ReadModel.ORDER, event.orderId())) {
				model.add(item.code(), model.day(event.releasedAt()), Measure.QUARANTINED, -1);
				model.feed(item.code(), "QUARANTINE_RELEASED", String.valueOf(event.orderId()));
			}
		}
		gauges.beds(); // a centralized order's bed is free again
	}
}
