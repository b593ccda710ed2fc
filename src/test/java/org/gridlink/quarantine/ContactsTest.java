package org.gridlink.quarantine;

import java.util.List;

import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.gridlink.shared.Masked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.*;

/** Contacts: one person per ID number (keyed hash), resident links, contacts of contacts, scope, masked data. */
@WebTest
class ContactsTest {

	@Autowired
	Contacts contacts;

	@Autowired
	Residents residents;

	@Autowired
	QuarantineFixture fx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.gridlink.platform.PersonalDataCipher cipher;

	@Test
	void aResidentIsLinkedByIdNumberAndKeepsTheGridOfTheRegistry() {
		String id = TestIds.next();
		ResidentView resident = residents.register(fx.user("community1"),
				new NewResident("李登记", id, "", GRID1, "", "", "", "", "金桥路 5 号", java.util.Set.of()));
		ExposureEvent event = fx.event();
		// the grid typed in the form is ignored: the registry knows where the resident lives
		ContactView contact = contacts.record(fx.user("street1"),
				QuarantineFixture.idContact(event.id(), "李登记", " " + id.toLowerCase() + " ", "320819001001002"));
		PersonView person = contacts.person(fx.user("grid1"), contact.personId());
		assertThat(person.residentId()).isEqualTo(resident.id());
		assertThat(person.gridCode()).isEqualTo(GRID1);
		assertThat(person.idNumber()).isEqualTo(Masked.idNumber(id)).doesNotContain(id);
		String stored = jdbc.sql("SELECT id_enc FROM quarantine_person WHERE id = ?").param(person.id())
				.query(String.class).single();
		assertThat(stored).startsWith("v1:").doesNotContain(id);
	}

	@Test
	void aPersonReportedByTwoCommunitiesIsOnePerson() {
		String passport = QuarantineFixture.passport();
		ExposureEvent event = fx.event();
		ContactView first = contacts.record(fx.user("community1"), QuarantineFixture.passportContact(event.id(),
				passport, GRID1, RiskLevel.MEDIUM, QuarantineFixture.today().minusDays(3)));
		// another community, another street: same passport (typed differently), same event → the same contact, merged
		ContactView again = contacts.record(QuarantineFixture.otherCommunity(), QuarantineFixture.passportContact(
				event.id(), passport.toLowerCase(), GRID2, RiskLevel.HIGH, QuarantineFixture.today().minusDays(1)));
		assertThat(again.merged()).isTrue();
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.personId()).isEqualTo(first.personId());
		assertThat(again.reports()).isEqualTo(2);
		assertThat(again.riskLevel()).isEqualTo(RiskLevel.HIGH);
		assertThat(again.exposureDate()).isEqualTo(QuarantineFixture.today().minusDays(1));
		// a second source: a second contact of the same person
		ContactView other = contacts.record(QuarantineFixture.otherCommunity(), QuarantineFixture.passportContact(
				fx.event().id(), passport, GRID2, RiskLevel.LOW, QuarantineFixture.today()));
		assertThat(other.merged()).isFalse();
		assertThat(other.personId()).isEqualTo(first.personId());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_person WHERE id_hash = ?")
				.param(cipher.lookupHash("PASSPORT:" + passport)).query(Long.class).single()).isEqualTo(1);
		assertThat(contacts.person(fx.user("community1"), first.personId()).idNumber())
				.isEqualTo("E" + "*".repeat(passport.length() - 4) + passport.substring(passport.length() - 3));
		// the person stays in the grid of the first report; the other community sees the contacts it reported
		PersonView person = contacts.person(QuarantineFixture.otherCommunity(), first.personId());
		assertThat(person.gridCode()).isEqualTo(GRID1);
		assertThat(contacts.list(QuarantineFixture.otherCommunity(), new ContactQuery(passport, null, null, null, null),
				PageRequest.of(0, 10)).getContent()).extracting(ContactView::personId).contains(first.personId());
	}

	@Test
	void contactsOfContactsAreTheSecondGenerationAndNoFurther() {
		ContactView parent = fx.contact();
		CurrentUser community1 = fx.user("community1");
		ContactView child = contacts.record(community1, new NewContact(SourceKind.CONTACT, null, null, parent.id(),
				"周次密", IdKind.ID, TestIds.next(), null, GRID1, null, QuarantineFixture.today(), ExposureType.HOUSEHOLD,
				RiskLevel.LOW, null, null));
		assertThat(child.generation()).isEqualTo(2);
		assertThat(contacts.list(community1, new ContactQuery(null, null, null, parent.id(), null), PageRequest.of(0, 5))
				.getContent()).extracting(ContactView::id).containsExactly(child.id());
		assertThat(contacts.contactsOf(community1, parent.personId())).extracting(ContactView::id)
				.contains(parent.id(), child.id());
		assertThatThrownBy(() -> contacts.record(community1, new NewContact(SourceKind.CONTACT, null, null, child.id(),
				"第三代", IdKind.ID, TestIds.next(), null, GRID1, null, QuarantineFixture.today(), ExposureType.MEAL,
				RiskLevel.LOW, null, null))).isInstanceOf(InvalidInputException.class)
				.hasMessage("quarantine.generation.invalid");
	}

	@Test
	void scopePerRole() {
		ContactView contact = fx.contact(); // person in GRID1, reported by community1
		for (String reader : List.of("center", "leader", "street1", "community1", "grid1")) {
			assertThat(contacts.person(fx.user(reader), contact.personId()).id()).isEqualTo(contact.personId());
			assertThat(contacts.get(fx.user(reader), contact.id()).id()).isEqualTo(contact.id());
		}
		for (String outsider : List.of("grid2", "admin", "dept1", "police1", "property1", "auditor", "checkpoint1")) {
			assertThatThrownBy(() -> contacts.person(fx.user(outsider), contact.personId()))
					.isInstanceOf(OutOfScopeException.class);
		}
		assertThatThrownBy(() -> contacts.person(QuarantineFixture.otherCommunity(), contact.personId()))
				.isInstanceOf(OutOfScopeException.class);
		assertThat(contacts.list(fx.user("grid2"), ContactQuery.all(), PageRequest.of(0, 500)).getContent())
				.noneMatch(c -> c.id() == contact.id());
		for (String reader : List.of("leader", "grid1", "police1")) {
			assertThatThrownBy(() -> contacts.record(fx.user(reader),
					QuarantineFixture.idContact(contact.eventId(), "越权", TestIds.next(), GRID1)))
					.isInstanceOf(OutOfScopeException.class);
		}
		// a community cannot put a non-resident into a grid outside its scope
		assertThatThrownBy(() -> contacts.record(fx.user("community1"),
				QuarantineFixture.idContact(contact.eventId(), "外地人", TestIds.next(), GRID2)))
				.isInstanceOf(OutOfScopeException.class);
	}

	@Test
	void revealNeedsAReasonAndIsAudited() {
		String passport = QuarantineFixture.passport();
		ContactView contact = contacts.record(fx.user("community1"), QuarantineFixture.passportContact(
				fx.event().id(), passport, GRID1, RiskLevel.HIGH, QuarantineFixture.today()));
		assertThatThrownBy(() -> contacts.reveal(fx.user("grid1"), contact.personId(), "idNumber", ""))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> contacts.reveal(fx.user("grid1"), contact.personId(), "name", "核实身份"))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> contacts.reveal(fx.user("leader"), contact.personId(), "idNumber", "核实身份"))
				.isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> contacts.reveal(fx.user("grid2"), contact.personId(), "idNumber", "核实身份"))
				.isInstanceOf(OutOfScopeException.class);
		assertThat(contacts.reveal(fx.user("grid1"), contact.personId(), "idNumber", "核实身份")).isEqualTo(passport);
		assertThat(contacts.reveal(fx.user("grid1"), contact.personId(), "phone", "上门联系")).isEqualTo("13812345678");
		assertThat(audit.search(new AuditQuery(null, "QUARANTINE_REVEAL", String.valueOf(contact.personId()), null, null, null, null), PageRequest.of(0, 50))
				.getContent()).anySatisfy(e -> {
					assertThat(e.subject()).isEqualTo(String.valueOf(contact.personId()));
					assertThat(e.detail()).contains("reason=核实身份");
				});
	}

	@Test
	void badContacts() {
		CurrentUser user = fx.user("community1");
		long event = fx.event().id();
		List<NewContact> bad = List.of(
				new NewContact(null, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, 999_999_999L, null, "甲", IdKind.ID, TestIds.next(), null, GRID1,
						null, QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.CASE, null, null, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.CASE, 999_999_999L, null, null, "甲", IdKind.ID, TestIds.next(), null, GRID1,
						null, QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, "320819199001011230", null, GRID1,
						null, QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.PASSPORT, "E1", null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", null, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), "12", GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, "3208", null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today().plusDays(1), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today().minusDays(61), ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						null, ExposureType.MEAL, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), null, RiskLevel.LOW, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, null, null, null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, "99", null),
				new NewContact(SourceKind.EVENT, null, event, null, "甲", IdKind.ID, TestIds.next(), null, GRID1, null,
						QuarantineFixture.today(), ExposureType.MEAL, RiskLevel.LOW, null, "x".repeat(501)));
		for (NewContact contact : bad) {
			assertThatThrownBy(() -> contacts.record(user, contact)).as(contact.toString())
					.isInstanceOf(InvalidInputException.class);
		}
		assertThatThrownBy(() -> contacts.recordEvent(user, "", "某地", QuarantineFixture.today(), COMMUNITY1))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> contacts.recordEvent(user, "聚会", "", QuarantineFixture.today(), COMMUNITY1))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> contacts.recordEvent(user, "聚会", "某地", null, COMMUNITY1))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> contacts.recordEvent(user, "聚会", "某地", QuarantineFixture.today(), "1"))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> contacts.recordEvent(user, "聚会", "某地", QuarantineFixture.today(), "320819002000"))
				.isInstanceOf(OutOfScopeException.class);
	}
}
