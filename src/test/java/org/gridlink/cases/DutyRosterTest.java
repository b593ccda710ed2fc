package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The duty roster's rules, who is on duty, and the duty desk queue (new reports first). */
@WebTest
class DutyRosterTest {

	static final CurrentUser CENTER = new CurrentUser(0, "center", "center", Set.of(Role.CENTER),
			Scope.of(Set.of(DISTRICT)), 1L);
	static final CurrentUser LEADER = new CurrentUser(0, "leader", "leader", Set.of(Role.LEADER),
			Scope.of(Set.of(DISTRICT)), null);

	@Autowired
	DutyRoster roster;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	OffsetDateTime day;

	@BeforeEach
	void aDayOfItsOwn() {
		// a day in a far year that no other test (nor the demo roster) uses
		day = OffsetDateTime.of(2100 + ThreadLocalRandom.current().nextInt(0, 500), 6,
				1 + ThreadLocalRandom.current().nextInt(0, 28), 0, 0, 0, 0, ZoneOffset.ofHours(8));
	}

	String refusal(Runnable add) {
		try {
			add.run();
		}
		catch (InvalidInputException ex) {
			return ex.messageKey();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void shiftsMustEndAfterTheyStartLastAtMostADayAndNeverOverlapForOnePerson() {
		roster.add(CENTER, "center", day.withHour(8), day.withHour(20), "白班");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.withHour(10), day.withHour(12), null)))
				.isEqualTo("cases.duty.overlap");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.withHour(6), day.withHour(9), null)))
				.isEqualTo("cases.duty.overlap");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.withHour(19), day.plusDays(1), null)))
				.isEqualTo("cases.duty.overlap");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.withHour(7), day.withHour(21), null)))
				.isEqualTo("cases.duty.overlap");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.withHour(20), day.withHour(20), null)))
				.isEqualTo("cases.duty.time.invalid");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.withHour(22), day.withHour(21), null)))
				.isEqualTo("cases.duty.time.invalid");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.plusDays(2), day.plusDays(3).plusMinutes(1), null)))
				.isEqualTo("cases.duty.length.invalid");
		assertThat(refusal(() -> roster.add(CENTER, "center", null, day.plusDays(3), null)))
				.isEqualTo("cases.duty.time.missing");
		assertThat(refusal(() -> roster.add(CENTER, "grid1", day.plusDays(2), day.plusDays(2).plusHours(8), null)))
				.isEqualTo("cases.duty.user.invalid");
		assertThat(refusal(() -> roster.add(CENTER, "nobody-" + day.getYear(), day.plusDays(2),
				day.plusDays(2).plusHours(8), null))).isEqualTo("cases.duty.user.invalid");
		assertThat(refusal(() -> roster.add(CENTER, "center", day.plusDays(2), day.plusDays(2).plusHours(8),
				"x".repeat(201)))).isEqualTo("cases.duty.note.invalid");
		assertThatThrownBy(() -> roster.add(LEADER, "leader", day.plusDays(2), day.plusDays(2).plusHours(8), null))
				.isInstanceOf(AccessDeniedException.class);

		// back to back is no overlap; another person may share the time; a full 24 hours is allowed
		roster.add(CENTER, "center", day.withHour(20), day.plusDays(1).withHour(8), "夜班");
		roster.add(CENTER, "leader", day.withHour(8), day.plusDays(1).withHour(8), "带班");
		assertThat(roster.shifts(LEADER, day.toLocalDate(), day.toLocalDate()))
				.extracting(DutyRoster.DutyShift::username).containsExactly("center", "leader", "center");
	}

	@Test
	void onDutyNamesWhoHasAShiftAtThatMoment() {
		var morning = roster.add(CENTER, "center", day.withHour(8), day.withHour(20), null);
		roster.add(CENTER, "leader", day.withHour(12), day.withHour(14), null);
		assertThat(roster.onDuty(day.withHour(8))).containsExactly("center");
		assertThat(roster.onDuty(day.withHour(13))).containsExactly("center", "leader");
		assertThat(roster.onDuty(day.withHour(14))).containsExactly("center");
		assertThat(roster.onDuty(day.withHour(20))).isEmpty();
		assertThat(roster.onDuty(day.withHour(7).withMinute(59))).isEmpty();
		assertThat(roster.isOnDuty(CENTER, day.withHour(9))).isTrue();
		assertThat(roster.isOnDuty(LEADER, day.withHour(9))).isFalse();
		roster.remove(CENTER, morning.id());
		assertThat(roster.onDuty(day.withHour(9))).isEmpty();
		assertThatThrownBy(() -> roster.remove(CENTER, morning.id()))
				.isInstanceOf(org.gridlink.platform.NotFoundException.class);
	}

	long report(String description) throws Exception {
		return CaseRequests.reportInGrid1(mvc, description);
	}

	@Test
	void theQueueShowsNewReportsFirstOldestFirstThenFiledThenOverdue() throws Exception {
		long reported = report("值班队列：新上报");
		long filed = report("值班队列：已立案");
		mvc.perform(post("/api/v1/cases/" + filed + "/actions/file").with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
		long late = report("值班队列：超期");
		for (String action : List.of("file", "dispatch")) {
			mvc.perform(post("/api/v1/cases/" + late + "/actions/" + action).with(as("center"))
					.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
		}
		jdbc.sql("UPDATE case_file SET overdue = TRUE WHERE id = ?").param(late).update();

		DutyRoster.DeskQueue queue = roster.queue(CENTER, 500);
		assertThat(queue.reported()).extracting(CaseLine::status).containsOnly(CaseStatus.REPORTED);
		assertThat(queue.reported()).isSortedAccordingTo(Comparator.comparing(CaseLine::reportedAt)
				.thenComparing(CaseLine::id));
		assertThat(queue.reported()).extracting(CaseLine::id).contains(reported).doesNotContain(filed, late);
		assertThat(queue.filed()).extracting(CaseLine::status).containsOnly(CaseStatus.FILED);
		assertThat(queue.filed()).extracting(CaseLine::id).contains(filed);
		assertThat(queue.overdue()).extracting(CaseLine::id).contains(late);
		assertThat(queue.overdue()).allMatch(CaseLine::overdue);
		assertThat(queue.reportedCount()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE status = 'REPORTED'")
				.query(Long.class).single());

		String page = mvc.perform(get("/cases/duty").with(as("center"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		int r = page.indexOf("id=\"queue-reported\"");
		int f = page.indexOf("id=\"queue-filed\"");
		int o = page.indexOf("id=\"queue-overdue\"");
		assertThat(r).isPositive().isLessThan(f);
		assertThat(f).isLessThan(o);
		// the page shows the queue's first (oldest) reports; other tests leave reports too, so ours may be further on
		long oldest = queue.reported().get(0).id();
		assertThat(page).contains("data-case=\"" + oldest + "\"", "href=\"/cases/" + oldest + "\"");
		// the same for the filed ones (supervision hand-offs to a community wait there too)
		long oldestFiled = queue.filed().get(0).id();
		mvc.perform(get("/cases/duty/queue").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("hx-trigger=\"every 30s\"")))
				.andExpect(content().string(containsString("data-case=\"" + oldestFiled + "\"")))
				.andExpect(content().string(not(containsString("duty-roster"))));
	}

	@Test
	void theDeskIsTheCentersAndOnlyTheCenterEditsTheRoster() throws Exception {
		// the demo roster puts center on the shift of the start-up time; that shift may have ended since
		OffsetDateTime now = OffsetDateTime.now();
		if (!roster.isOnDuty(CENTER, now)) {
			jdbc.sql("INSERT INTO duty_shift (district_code, starts_at, ends_at, username) VALUES ('320819', ?, ?, 'center')")
					.params(now.minusMinutes(1), now.plusMinutes(10)).update();
		}
		mvc.perform(get("/cases/duty").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"duty-on\"")))
				.andExpect(content().string(containsString("id=\"duty-add\"")));
		mvc.perform(get("/cases/duty").with(as("leader"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"duty-roster\"")))
				.andExpect(content().string(not(containsString("id=\"duty-add\""))));
		mvc.perform(get("/cases/duty").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/duty/queue").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(post("/cases/duty/shifts").with(as("leader")).with(csrf()).param("username", "leader")
				.param("startsAt", day.toLocalDateTime().toString()).param("endsAt",
						day.plusHours(8).toLocalDateTime().toString()))
				.andExpect(status().isForbidden());

		String start = day.withHour(8).toLocalDateTime().toString();
		String end = day.withHour(16).toLocalDateTime().toString();
		mvc.perform(post("/cases/duty/shifts").with(as("center")).with(csrf()).param("username", "leader")
				.param("startsAt", start).param("endsAt", end).param("note", "带班"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("message"))
				.andExpect(redirectedUrl("/cases/duty?week=" + day.toLocalDate()));
		assertThat(roster.onDuty(day.withHour(9))).contains("leader");
		mvc.perform(post("/cases/duty/shifts").with(as("center")).with(csrf()).param("username", "leader")
				.param("startsAt", start).param("endsAt", end).param("lang", "en"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("error", containsString("leader already has a shift from")));
		mvc.perform(post("/cases/duty/shifts").with(as("center")).with(csrf()).param("username", "leader")
				.param("startsAt", "tomorrow").param("endsAt", end))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
		String week = mvc.perform(get("/cases/duty").param("week", day.toLocalDate().toString()).with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(week).contains("带班");
		long id = roster.shifts(CENTER, day.toLocalDate(), day.toLocalDate()).get(0).id();
		mvc.perform(post("/cases/duty/shifts/" + id + "/delete").with(as("center")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(roster.onDuty(day.withHour(9))).isEmpty();
		mvc.perform(post("/cases/duty/shifts/" + id + "/delete").with(as("center")).with(csrf()))
				.andExpect(status().isNotFound());
	}

	@Test
	void homeCardsAndMenuLeadToTheDeskAndTheKpis() throws Exception {
		mvc.perform(get("/").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/cases/duty\"")))
				.andExpect(content().string(containsString("href=\"/cases/kpis\"")))
				.andExpect(content().string(containsString("/cases?overdue=true")));
		mvc.perform(get("/").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("/cases?status=DISPATCHED&amp;unit=2")))
				.andExpect(content().string(containsString("href=\"/cases/kpis\"")))
				.andExpect(content().string(not(containsString("href=\"/cases/duty\""))));
		mvc.perform(get("/").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("/cases/kpis"))));
	}
}
