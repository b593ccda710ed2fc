package org.gridlink.quarantine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;

/** Orders: planned end from the rules, bed capacity (also concurrent), extension, transfer, release and hand-back. */
@WebTest
@RecordApplicationEvents
class QuarantineOrdersTest {

	@Autowired
	QuarantineOrders orders;

	@Autowired
	QuarantineSites sites;

	@Autowired
	QuarantineRules rules;

	@Autowired
	Contacts contacts;

	@Autowired
	QuarantineFixture fx;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	CurrentUser community1() {
		return fx.user("community1");
	}

	@Test
	void aHomeOrderEndsTheRuleDaysAfterTheLastExposure() {
		ContactView contact = fx.contact();
		OrderView order = orders.order(community1(), new NewOrder(contact.personId(), OrderType.HOME, null, null, null));
		assertThat(order.status()).isEqualTo(OrderStatus.ACTIVE);
		assertThat(order.lastExposure()).isEqualTo(contact.exposureDate());
		assertThat(order.plannedEnd()).isEqualTo(contact.exposureDate().plusDays(14)); // HIGH, MEAL: 14 days
		assertThat(order.gridCode()).isEqualTo(GRID1);
		assertThat(order.personNameMasked()).startsWith("钱").contains("*");
		assertThatThrownBy(() -> orders.order(community1(),
				new NewOrder(contact.personId(), OrderType.HOME, null, null, null)))
				.isInstanceOf(ConflictException.class);
		assertThat(orders.activeHomeOrders(GRID1)).extracting(OrderView::id).contains(order.id());
		assertThat(orders.history(community1(), order.id())).extracting(OrderEvent::action).containsExactly("ORDERED");
	}

	@Test
	void aHouseholdExposureTakesItsOwnRuleAndALaterExposureMovesTheEnd() {
		ExposureEvent event = fx.event();
		String id = org.gridlink.support.TestIds.next();
		NewContact first = new NewContact(SourceKind.EVENT, null, event.id(), null, "孙家人", IdKind.ID, id, null, GRID1,
				null, QuarantineFixture.today().minusDays(5), ExposureType.HOUSEHOLD, RiskLevel.HIGH, null, null);
		ContactView contact = contacts.record(community1(), first);
		ExposureEvent second = fx.event();
		contacts.record(community1(), new NewContact(SourceKind.EVENT, null, second.id(), null, "孙家人", IdKind.ID, id,
				null, GRID1, null, QuarantineFixture.today().minusDays(1), ExposureType.MEAL, RiskLevel.LOW, null, null));
		OrderView order = orders.order(community1(), new NewOrder(contact.personId(), OrderType.HOME, null, null, null));
		assertThat(order.lastExposure()).isEqualTo(QuarantineFixture.today().minusDays(1));
		// the household rule (21 days from 5 days ago) ends later than the low-risk one (7 days from yesterday)
		assertThat(order.plannedEnd()).isEqualTo(QuarantineFixture.today().minusDays(5).plusDays(21));
	}

	@Test
	void aBedHoldsOnePersonAndAFullSiteRefusesAdmission() {
		SiteView site = fx.site(1);
		assertThat(site.capacity()).isEqualTo(1);
		ContactView a = fx.contact();
		ContactView b = fx.contact();
		OrderView admitted = orders.order(community1(),
				new NewOrder(a.personId(), OrderType.CENTRALIZED, site.id(), null, null));
		assertThat(admitted.bedId()).isNotNull();
		assertThat(sites.site(community1(), site.id()).occupied()).isEqualTo(1);
		assertThatThrownBy(() -> orders.order(community1(),
				new NewOrder(b.personId(), OrderType.CENTRALIZED, site.id(), null, null)))
				.isInstanceOf(ConflictException.class).hasMessage("quarantine.site.full");
		assertThatThrownBy(() -> orders.order(community1(),
				new NewOrder(b.personId(), OrderType.CENTRALIZED, null, admitted.bedId(), null)))
				.isInstanceOf(ConflictException.class).hasMessage("quarantine.bed.taken");
		assertThatThrownBy(() -> sites.setInService(fx.user("center"), admitted.bedId(), false))
				.isInstanceOf(ConflictException.class);
		orders.release(community1(), admitted.id(), "转院治疗", null);
		assertThat(sites.site(community1(), site.id()).occupied()).isZero();
		OrderView next = orders.order(community1(), new NewOrder(b.personId(), OrderType.CENTRALIZED, null,
				admitted.bedId(), null));
		assertThat(next.bedId()).isEqualTo(admitted.bedId());
		SiteBoard board = sites.board(community1(), site.id());
		assertThat(board.rooms()).singleElement().satisfies(r -> assertThat(r.beds()).singleElement()
				.satisfies(bed -> assertThat(bed.orderId()).isEqualTo(next.id())));
		assertThat(board.days().get(board.days().size() - 1).admissions()).isEqualTo(2);
		assertThat(board.days().get(board.days().size() - 1).discharges()).isEqualTo(1);
	}

	@Test
	void twoAdmissionsToTheLastBedAtOnceExactlyOneWins() throws Exception {
		SiteView site = fx.site(1);
		long bed = sites.freeBeds(community1(), site.id()).get(0).id();
		List<Long> persons = List.of(fx.contact().personId(), fx.contact().personId(), fx.contact().personId(),
				fx.contact().personId());
		CurrentUser user = community1();
		ExecutorService pool = Executors.newFixedThreadPool(persons.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<OrderView>> results = new ArrayList<>();
		try {
			for (long person : persons) {
				Callable<OrderView> admit = () -> {
					start.await();
					return orders.order(user, new NewOrder(person, OrderType.CENTRALIZED, null, bed, null));
				};
				results.add(pool.submit(admit));
			}
			start.countDown();
			int won = 0;
			int refused = 0;
			for (Future<OrderView> result : results) {
				try {
					result.get(60, TimeUnit.SECONDS);
					won++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(ConflictException.class);
					refused++;
				}
			}
			assertThat(won).isEqualTo(1);
			assertThat(refused).isEqualTo(persons.size() - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(sites.site(user, site.id()).occupied()).isEqualTo(1);
		assertThat(orders.list(user, new OrderQuery(OrderStatus.ACTIVE, null, site.id(), null), PageRequest.of(0, 10))
				.getTotalElements()).isEqualTo(1);
	}

	@Test
	void extendTransferAndEarlyReleaseKeepAHistoryAndHandThePersonBack() {
		SiteView first = fx.site(2);
		SiteView second = fx.site(1);
		ContactView contact = fx.contact();
		OrderView order = orders.order(community1(),
				new NewOrder(contact.personId(), OrderType.CENTRALIZED, first.id(), null, null));
		assertThatThrownBy(() -> orders.extend(community1(), order.id(), order.plannedEnd(), "复查", null))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> orders.extend(community1(), order.id(), order.plannedEnd().plusDays(3), "", null))
				.isInstanceOf(InvalidInputException.class);
		OrderView extended = orders.extend(community1(), order.id(), order.plannedEnd().plusDays(3), "核酸复查未出结果",
				order.version());
		assertThat(extended.plannedEnd()).isEqualTo(order.plannedEnd().plusDays(3));
		assertThatThrownBy(() -> orders.extend(community1(), order.id(), order.plannedEnd().plusDays(5), "旧页面",
				order.version())).isInstanceOf(ConflictException.class);
		OrderView moved = orders.transfer(community1(), order.id(), OrderType.CENTRALIZED, second.id(), null, "床位调整",
				null);
		assertThat(moved.siteId()).isEqualTo(second.id());
		assertThat(sites.site(community1(), first.id()).occupied()).isZero();
		assertThat(sites.site(community1(), second.id()).occupied()).isEqualTo(1);
		OrderView home = orders.transfer(community1(), order.id(), OrderType.HOME, null, null, "转居家隔离", null);
		assertThat(home.type()).isEqualTo(OrderType.HOME);
		assertThat(home.bedId()).isNull();
		assertThat(sites.site(community1(), second.id()).occupied()).isZero();
		assertThatThrownBy(() -> orders.release(community1(), order.id(), null, null))
				.isInstanceOf(InvalidInputException.class);
		OrderView released = orders.release(community1(), order.id(), "解除医学观察", null);
		assertThat(released.status()).isEqualTo(OrderStatus.RELEASED);
		assertThat(released.releaseKind()).isEqualTo(ReleaseKind.EARLY);
		assertThat(orders.history(community1(), order.id())).extracting(OrderEvent::action).containsExactly("ORDERED",
				"ADMITTED", "EXTENDED", "DISCHARGED", "ADMITTED", "TRANSFERRED", "DISCHARGED", "TRANSFERRED",
				"RELEASED");
		assertThat(events.stream(QuarantineReleased.class)).anySatisfy(e -> {
			assertThat(e.orderId()).isEqualTo(order.id());
			assertThat(e.gridCode()).isEqualTo(GRID1);
			assertThat(e.early()).isTrue();
		});
		assertThatThrownBy(() -> orders.release(community1(), order.id(), "再次", null))
				.isInstanceOf(ConflictException.class);
		// handed back: the grid worker of the person's grid sees them as released
		assertThat(contacts.persons(fx.user("grid1"), "RELEASED", PageRequest.of(0, 500)).getContent())
				.anySatisfy(p -> assertThat(p.id()).isEqualTo(contact.personId()));
		assertThat(orders.activeHomeOrders(GRID1)).extracting(OrderView::id).doesNotContain(order.id());
	}

	@Test
	void onThePlannedEndTheReleaseIsCompletedWithoutAReasonAndFreesTheBed() {
		SiteView site = fx.site(1);
		OrderView order = orders.order(community1(),
				new NewOrder(fx.contact().personId(), OrderType.CENTRALIZED, site.id(), null, null));
		clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(orders.today(), order.plannedEnd())));
		assertThat(orders.today()).isEqualTo(order.plannedEnd());

		OrderView released = orders.release(community1(), order.id(), null, order.version());
		assertThat(released.releaseKind()).isEqualTo(ReleaseKind.COMPLETED);
		assertThat(released.releaseReason()).isEmpty();
		assertThat(released.releasedAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())
				.isEqualTo(order.plannedEnd());
		assertThat(sites.site(community1(), site.id()).occupied()).isZero();
		assertThat(events.stream(QuarantineReleased.class))
				.anySatisfy(e -> assertThat(e.orderId() == order.id() && !e.early()).isTrue());
	}

	@Test
	void scopePerRole() {
		ContactView contact = fx.contact();
		OrderView order = orders.order(community1(), new NewOrder(contact.personId(), OrderType.HOME, null, null, null));
		for (String reader : List.of("center", "leader", "street1", "community1", "grid1")) {
			assertThat(orders.get(fx.user(reader), order.id()).id()).isEqualTo(order.id());
			assertThat(orders.canSee(fx.user(reader), order.id())).isTrue();
		}
		for (String outsider : List.of("grid2", "dept1", "police1", "admin", "checkpoint1")) {
			assertThatThrownBy(() -> orders.get(fx.user(outsider), order.id())).isInstanceOf(OutOfScopeException.class);
			assertThat(orders.canSee(fx.user(outsider), order.id())).isFalse();
		}
		assertThatThrownBy(() -> orders.get(QuarantineFixture.otherCommunity(), order.id()))
				.isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> orders.release(QuarantineFixture.otherCommunity(), order.id(), "越权", null))
				.isInstanceOf(OutOfScopeException.class);
		for (String reader : List.of("leader", "grid1")) {
			assertThatThrownBy(() -> orders.extend(fx.user(reader), order.id(), order.plannedEnd().plusDays(1), "延长",
					null)).isInstanceOf(OutOfScopeException.class);
		}
		assertThat(orders.list(fx.user("grid2"), OrderQuery.active(), PageRequest.of(0, 500)).getContent())
				.noneMatch(o -> o.id() == order.id());
		assertThat(orders.release(fx.user("street1"), order.id(), "街道解除", null).status())
				.isEqualTo(OrderStatus.RELEASED);
	}

	@Test
	void badOrders() {
		ContactView contact = fx.contact();
		CurrentUser user = community1();
		assertThatThrownBy(() -> orders.order(user, new NewOrder(null, OrderType.HOME, null, null, null)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> orders.order(user, new NewOrder(contact.personId(), null, null, null, null)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> orders.order(user, new NewOrder(contact.personId(), OrderType.CENTRALIZED, null, null,
				null))).isInstanceOf(InvalidInputException.class).hasMessage("quarantine.bed.required");
		assertThatThrownBy(() -> orders.order(user, new NewOrder(contact.personId(), OrderType.CENTRALIZED, null,
				999_999_999L, null))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> orders.order(user, new NewOrder(contact.personId(), OrderType.HOME, 1L, null, null)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> orders.order(user, new NewOrder(contact.personId(), OrderType.HOME, null, null,
				QuarantineFixture.today().plusDays(30)))).isInstanceOf(InvalidInputException.class);
		// the rules end this exposure's quarantine before a start 14 days later
		assertThatThrownBy(() -> orders.order(user, new NewOrder(contact.personId(), OrderType.HOME, null, null,
				QuarantineFixture.today().plusDays(13)))).isInstanceOf(InvalidInputException.class)
				.hasMessage("quarantine.order.notNeeded");
	}
}
