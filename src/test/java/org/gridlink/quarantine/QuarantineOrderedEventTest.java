package org.gridlink.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;

import org.gridlink.platform.CurrentUser;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** Ordering quarantine publishes {@link QuarantineOrdered} with the person's grid (for the command center). */
@WebTest
@EnableScenarios
class QuarantineOrderedEventTest {

	@Autowired
	QuarantineFixture fx;

	@Autowired
	QuarantineOrders orders;

	@Test
	void anOrderPublishesQuarantineOrderedWithTheGrid(Scenario scenario) {
		CurrentUser community = fx.user("community1");
		long person = fx.contact().personId();
		scenario.stimulate(() -> orders.order(community,
				new NewOrder(person, OrderType.HOME, null, null, QuarantineFixture.today())))
				.andWaitForEventOfType(QuarantineOrdered.class)
				.matching(event -> event.gridCode().equals(GRID1))
				.toArriveAndVerify((event, order) -> {
					assertThat(event.orderId()).isEqualTo(order.id());
					assertThat(event.type()).isEqualTo("HOME");
				});
	}
}
