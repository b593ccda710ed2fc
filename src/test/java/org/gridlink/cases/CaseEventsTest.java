package org.gridlink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;

import org.gridlink.platform.CurrentUser;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every event the case module publishes, each raised by the step that publishes it (see {@link CaseEvents}). Runs in
 * the suite's one application context ({@link WebTest}) with {@link EnableScenarios}: an
 * {@code @ApplicationModuleTest(mode = DIRECT_DEPENDENCIES)} works as well but starts a context of its own (15-35 s).
 */
@WebTest
@EnableScenarios
class CaseEventsTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	SlaWatcher watcher;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aReportPublishesCaseReported(Scenario scenario) {
		CurrentUser center = as("center");
		scenario.stimulate(() -> cases.report(center, report("事件：上报"), null))
				.andWaitForEventOfType(CaseEvents.CaseReported.class)
				.matching(event -> event.categoryCode().equals("E0101"))
				.toArriveAndVerify((event, view) -> {
					assertThat(event.caseId()).isEqualTo(view.id());
					assertThat(event.jurisdictionCode()).isEqualTo(GRID1);
				});
	}

	@Test
	void aDispatchPublishesCaseDispatchedWithTheLeadUnit(Scenario scenario) {
		CurrentUser center = as("center");
		long id = cases.report(center, report("事件：派遣"), null).id();
		cases.act(center, id, CaseAction.FILE, ActionInput.empty());
		scenario.stimulate(() -> cases.act(center, id, CaseAction.DISPATCH, ActionInput.empty()))
				.andWaitForEventOfType(CaseEvents.CaseDispatched.class)
				.matchingMappedValue(CaseEvents.CaseDispatched::caseId, id)
				.toArriveAndVerify((event, view) -> assertThat(event.unitId()).isEqualTo(view.leadUnitId()));
	}

	@Test
	void closingPublishesCaseClosedOnTime(Scenario scenario) {
		long id = dispatched("事件：结案");
		CurrentUser dept = as("dept1");
		cases.act(dept, id, CaseAction.ACCEPT, ActionInput.empty());
		cases.act(dept, id, CaseAction.FEEDBACK, ActionInput.note("已清运"));
		CurrentUser center = as("center");
		cases.act(center, id, CaseAction.VERIFY,
				new ActionInput(null, null, null, true, null, null, null, null, null, null, null));
		scenario.stimulate(() -> cases.act(center, id, CaseAction.CLOSE, ActionInput.empty()))
				.andWaitForEventOfType(CaseEvents.CaseClosed.class)
				.matchingMappedValue(CaseEvents.CaseClosed::caseId, id)
				.toArriveAndVerify(event -> assertThat(event.onTime()).isTrue());
	}

	@Test
	void aMissedDeadlinePublishesCaseOverdue(Scenario scenario) {
		long id = dispatched("事件：超期");
		CaseView view = cases.get(as("center"), id);
		scenario.stimulate(() -> watcher.sweep(view.deadlineAt().plusMinutes(1)))
				.andWaitForEventOfType(CaseEvents.CaseOverdue.class)
				.matchingMappedValue(CaseEvents.CaseOverdue::caseId, id)
				.toArriveAndVerify(event -> assertThat(event.unitId()).isEqualTo(view.leadUnitId()));
	}

	@Test
	void aCloseDeadlinePublishesCaseDeadlineNear(Scenario scenario) {
		long id = dispatched("事件：临期");
		CaseView view = cases.get(as("center"), id);
		scenario.stimulate(() -> watcher.sweep(view.warnAt().plusMinutes(1)))
				.andWaitForEventOfType(CaseEvents.CaseDeadlineNear.class)
				.matchingMappedValue(CaseEvents.CaseDeadlineNear::caseId, id)
				.toArriveAndVerify(event -> assertThat(event.unitId()).isEqualTo(view.leadUnitId()));
	}

	private long dispatched(String description) {
		CurrentUser center = as("center");
		long id = cases.report(center, report(description), null).id();
		cases.act(center, id, CaseAction.FILE, ActionInput.empty());
		cases.act(center, id, CaseAction.DISPATCH, ActionInput.empty());
		return id;
	}

	private static NewCase report(String description) {
		return new NewCase("E0101", description, GRID1, null, null, null, CaseSource.HOTLINE, "13800001111");
	}

	private CurrentUser as(String username) {
		return SignIn.as(users, username);
	}
}
