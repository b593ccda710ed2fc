package org.gridlink.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

import org.gridlink.platform.CurrentUser;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.SignIn;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The working calendar is kept in memory by each instance: a holiday listed on one instance counts on the other within
 * the cache check (2 seconds), through the shared version; before, the other instance kept its copy until restarted.
 */
@WebTest
class CaseSettingsAcrossInstancesTest {

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	UserDetailsService users;

	@Autowired
	Environment environment;

	CurrentUser as(String username) {
		return SignIn.as(users, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aHolidayListedOnOneInstanceCountsOnTheOtherWithinTheCacheCheck() {
		WorkingCalendars there = OtherInstance.of(environment).getBean(WorkingCalendars.class);
		LocalDate day = LocalDate.of(2034, 3, 1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		LocalDate weekday = day;
		assertThat(there.isWorkingDay(weekday)).as("read into the other instance's memory first").isTrue();
		try {
			calendars.setDay(as("center"), weekday, false, "两实例测试");
			assertThat(calendars.isWorkingDay(weekday)).isFalse();
			await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
				.until(() -> !there.isWorkingDay(weekday));
		}
		finally {
			calendars.removeDay(as("center"), weekday);
		}
		await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
			.until(() -> there.isWorkingDay(weekday));
	}
}
