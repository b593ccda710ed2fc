package org.gridlink.quarantine;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.platform.security.AccountPrincipal;
import org.gridlink.support.TestIds;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import static org.gridlink.support.Demo.*;

/** Users, events, contacts and sites for the quarantine tests (each call makes new, unique ones). */
@Component
class QuarantineFixture {

	/** A community of another street than community1 (street 2). */
	static final String OTHER_COMMUNITY = "320819002001";
	private static final AtomicInteger SEQ = new AtomicInteger();

	private final UserDetailsService users;
	private final Contacts contacts;
	private final QuarantineSites sites;

	QuarantineFixture(UserDetailsService users, Contacts contacts, QuarantineSites sites) {
		this.users = users;
		this.contacts = contacts;
		this.sites = sites;
	}

	CurrentUser user(String name) {
		return ((AccountPrincipal) users.loadUserByUsername(name)).toCurrentUser();
	}

	static CurrentUser otherCommunity() {
		return new CurrentUser(-7, "community-other", "别的社区", Set.of(Role.COMMUNITY), Scope.of(Set.of(OTHER_COMMUNITY)),
				null);
	}

	static LocalDate today() {
		return LocalDate.now(QuarantineOrders.ZONE);
	}

	ExposureEvent event() {
		return contacts.recordEvent(user("community1"), "聚餐" + SEQ.incrementAndGet(), "金桥路 8 号饭店", today().minusDays(2),
				COMMUNITY1);
	}

	static NewContact passportContact(long eventId, String passport, String grid, RiskLevel risk, LocalDate exposure) {
		return new NewContact(SourceKind.EVENT, null, eventId, null, "John Smith", IdKind.PASSPORT, passport,
				"13812345678", grid, "金桥路 1 号", exposure, ExposureType.MEAL, risk, null, "同桌");
	}

	static NewContact idContact(long eventId, String name, String idNumber, String grid) {
		return new NewContact(SourceKind.EVENT, null, eventId, null, name, IdKind.ID, idNumber, null, grid, null,
				today().minusDays(2), ExposureType.MEAL, RiskLevel.HIGH, null, null);
	}

	static String passport() {
		return "E" + (10_000_000 + (Math.abs(TestIds.next().hashCode()) % 89_999_999));
	}

	/** A new contact (person in GRID1) of a new event, recorded by community1. */
	ContactView contact() {
		return contacts.record(user("community1"),
				idContact(event().id(), "钱小" + SEQ.incrementAndGet(), TestIds.next(), GRID1));
	}

	/** A new site in street 1 with one room of {@code beds} beds. */
	SiteView site(int beds) {
		SiteView site = sites.create(user("center"), "隔离点" + SEQ.incrementAndGet(), "滨江大道 1 号", STREET1);
		return sites.addRoom(user("center"), site.id(), "101", 1, beds);
	}
}
