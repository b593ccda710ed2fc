package org.gridlink.cases;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JobClaims;
import org.gridlink.support.Concurrently;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;

/**
 * Two application contexts on one database stand for two instances: the time-limit watcher's scheduled run of a slot
 * is claimed by one of them, and a case is warned once and escalated once (one history entry, one event), also when
 * both sweep at the same moment without a claim.
 */
@WebTest
class SlaWatcherAcrossInstancesTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	SlaWatcher watcher;

	@Autowired
	JobClaims claims;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

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

	long history(long caseId, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = ?").params(caseId, action)
			.query(Long.class).single();
	}

	@Test
	void theRunOfASlotIsClaimedByOneInstanceAndACaseIsEscalatedOnce() throws Exception {
		SlaWatcher there = OtherInstance.of(environment).getBean(SlaWatcher.class);
		JobClaims thereClaims = OtherInstance.of(environment).getBean(JobClaims.class);
		long id = dispatched("两个实例 超时 A");
		CaseView view = cases.get(as("center"), id);

		OffsetDateTime warn = view.warnAt().plusSeconds(1);
		List<int[]> warnRuns = Concurrently.run(() -> watcher.run(warn), () -> there.run(warn));
		assertThat(warnRuns.stream().filter(Objects::nonNull)).as("one instance ran the slot").hasSize(1);

		OffsetDateTime late = view.deadlineAt().plusMinutes(1);
		List<int[]> lateRuns = Concurrently.run(() -> watcher.run(late), () -> there.run(late));
		assertThat(lateRuns.stream().filter(Objects::nonNull)).as("one instance ran the slot").hasSize(1);
		// the same slot again, on either instance: already claimed
		assertThat(watcher.run(late.plusSeconds(1))).isNull();
		assertThat(there.run(late.plusSeconds(2))).isNull();

		Duration every = Duration.ofMinutes(1);
		assertThat(claims.claimedBy(SlaWatcher.JOB, every, late.toInstant())).get()
			.isIn(claims.instanceId(), thereClaims.instanceId());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM job_claim WHERE job = ? AND slot_start = ?")
			.params(SlaWatcher.JOB, JobClaims.slot(late.toInstant(), every).atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(history(id, "warn")).as("warned once").isEqualTo(1);
		assertThat(history(id, "escalate")).as("escalated once").isEqualTo(1);
	}

	@Test
	void twoInstancesSweepingAtOnceWithoutAClaimStillEscalateOnce() throws Exception {
		SlaWatcher there = OtherInstance.of(environment).getBean(SlaWatcher.class);
		long id = dispatched("两个实例 超时 B");
		CaseView view = cases.get(as("center"), id);
		OffsetDateTime late = view.deadlineAt().plusMinutes(2);

		Concurrently.run(() -> watcher.sweep(late), () -> there.sweep(late), () -> watcher.sweep(late),
				() -> there.sweep(late));

		assertThat(history(id, "warn")).as("warned once").isEqualTo(1);
		assertThat(history(id, "escalate")).as("escalated once").isEqualTo(1);
		assertThat(jdbc.sql("SELECT warned AND overdue FROM case_file WHERE id = ?").param(id).query(Boolean.class)
			.single()).isTrue();
	}
}
