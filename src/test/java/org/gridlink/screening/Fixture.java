package org.gridlink.screening;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.gridlink.shared.IdNumber;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Residents for screening tests, registered through the Residents facade as a demo user with scope. Every household
 * gets a compound name of its own and every resident a fresh valid ID number, so tests never depend on what other
 * tests left in the shared database.
 */
@Component
class Fixture {

	private final Residents residents;
	private final UserDetailsService users;
	private final Screening screening;

	Fixture(Residents residents, UserDetailsService users, Screening screening) {
		this.residents = residents;
		this.users = users;
		this.screening = screening;
	}

	/**
	 * Waits (polling, at most 30 s) until a started campaign has all its grid tasks and accepts records: starting
	 * returns at once and prepares the tasks in the background.
	 */
	CampaignView awaitRunning(long id) {
		return Awaitility.await("campaign " + id + " RUNNING").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> screening.find(id).orElseThrow(), c -> c.status() == CampaignStatus.RUNNING);
	}

	CurrentUser user(String username) {
		return ((AccountPrincipal) users.loadUserByUsername(username)).toCurrentUser();
	}

	/** A household of {@code size} residents in {@code grid}, registered by {@code username}. */
	Household household(String username, String grid, int size) {
		CurrentUser user = user(username);
		String compound = "排查测试" + UUID.randomUUID().toString().substring(0, 8);
		List<ResidentView> people = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			people.add(residents.register(user, new NewResident("测试" + i, idNumber(), null, grid, compound, "1栋",
					"1单元", "101", "", Set.of())));
		}
		return new Household(people.get(0).householdId(), grid, people);
	}

	/** A valid, most probably unused ID number (Beijing address code, random birth date and sequence). */
	static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
		String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		return first17 + IdNumber.checkCharacter(first17);
	}

	record Household(long id, String grid, List<ResidentView> people) {

		long person(int i) {
			return people.get(i).id();
		}
	}
}
