package org.gridlink.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.gridlink.platform.CurrentUser;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;

/** Warning at 80 %, overdue and escalation at 100 %, once only; a paused clock is never overdue. */
@WebTest
class SlaWatcherTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	SlaWatcher watcher;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	CurrentUser as(String username) {
		return SignIn.as(users, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long dispatched(String description) {
		CurrentUser center = as("center");
		long id = cases.report(center, new NewCase("E0101", description, GRID1, null, null, null, CaseSource.HOTLINE,
				"13800001111"), null).id();
		cases.act(center, id, CaseAction.FILE, ActionInput.empty());
		cases.act(center, id, CaseAction.DISPATCH, ActionInput.empty());
		return id;
	}

	@Test
	void warnsThenEscalatesOnceAndNeverWhilePaused() {
		long running = dispatched("垃圾暴露 A");
		long paused = dispatched("垃圾暴露 B");
		CurrentUser dept = as("dept1");
		cases.act(dept, paused, CaseAction.ACCEPT, ActionInput.empty());
		cases.act(dept, paused, CaseAction.EXTEND,
				new ActionInput("等待车辆", null, null, null, null, null, 8, null, null, null, null));
		CaseView view = cases.get(as("center"), running);
		assertThat(view.timeLimitMinutes()).isEqualTo(240);

		watcher.sweep(view.warnAt().plusSeconds(1));
		assertThat(flags(running)).containsExactly(true, false);

		OffsetDateTime late = view.deadlineAt().plusMinutes(1);
		watcher.sweep(late);
		watcher.sweep(late.plusHours(1));
		assertThat(flags(running)).containsExactly(true, true);
		assertThat(flags(paused)).as("the clock of a pending extension is stopped").containsExactly(false, false);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = 'escalate'").param(running)
				.query(Long.class).single()).as("escalated once").isEqualTo(1);
		assertThat(cases.list(as("center"), new CaseQuery(null, null, null, GRID1, true, null),
				org.springframework.data.domain.PageRequest.of(0, 500)).getContent())
				.extracting(CaseSummary::id).contains(running).doesNotContain(paused);
	}

	@Test
	void theSeededCalendarKnowsThe2026HolidaysAndMakeUpDays() {
		assertThat(calendars.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendars.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
		assertThat(calendars.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Spring Festival Monday").isFalse();
		assertThat(calendars.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
		assertThat(calendars.days(2026)).hasSizeGreaterThan(30);
	}

	private java.util.List<Boolean> flags(long id) {
		return jdbc.sql("SELECT warned, overdue FROM case_file WHERE id = ?").param(id)
				.query((rs, i) -> java.util.List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
	}
}
