package org.gridlink.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.junit.jupiter.api.Test;

/** The notice's steps, its text rules, the permission table and the phone set, without Spring. */
class NoticeRulesTest {

	private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-06T10:00:00+08:00");

	@Test
	void aNoticeWithinACommunityIsApprovedWhenSubmitted() {
		Notice draft = new Notice(1, NoticeStatus.DRAFT, false, "community1", 0);
		Notice.Step step = draft.submit("community1", AT);
		assertThat(step.after().status()).isEqualTo(NoticeStatus.APPROVED);
		assertThat(step.after().version()).isEqualTo(1);
	}

	@Test
	void aStreetNoticeWaitsAndIsApprovedBySomeoneElse() {
		Notice pending = new Notice(1, NoticeStatus.DRAFT, true, "street1", 0).submit("street1", AT).after();
		assertThat(pending.status()).isEqualTo(NoticeStatus.PENDING_APPROVAL);
		assertThatThrownBy(() -> pending.approve("street1", AT)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> pending.send("street1", AT)).isInstanceOf(ConflictException.class);
		Notice approved = pending.approve("center", AT).after();
		assertThat(approved.status()).isEqualTo(NoticeStatus.APPROVED);
		Notice sending = approved.send("street1", AT).after();
		assertThat(sending.status()).isEqualTo(NoticeStatus.SENDING);
		assertThatThrownBy(() -> sending.cancel("street1", AT)).isInstanceOf(ConflictException.class);
		Notice sent = sending.finish(AT).after();
		assertThat(sent.status()).isEqualTo(NoticeStatus.SENT);
		assertThatThrownBy(() -> sent.cancel("street1", AT)).isInstanceOf(ConflictException.class);
		assertThat(approved.cancel("street1", AT).after().status()).isEqualTo(NoticeStatus.CANCELLED);
	}

	@Test
	void theTextMayFillInOnlyTheRecipientsOwnNameAndCommunity() {
		assertThat(NoticeTexts.body(" {name}您好，{community}明日停水。 ")).isEqualTo("{name}您好，{community}明日停水。");
		assertThat(NoticeTexts.render("{name}您好，${community}明日停水。", "王芳", "金桥社区"))
				.isEqualTo("王芳您好，金桥社区明日停水。");
		for (String bad : new String[] { "{phone}", "{ idNumber }", "${address}", "{}" }) {
			assertThatThrownBy(() -> NoticeTexts.body("请注意" + bad)).as(bad).isInstanceOf(InvalidInputException.class)
					.hasFieldOrPropertyWithValue("messageKey", "notices.body.variable");
		}
		assertThatThrownBy(() -> NoticeTexts.body("联系 13912345678")).hasFieldOrPropertyWithValue("messageKey",
				"notices.body.personal");
		assertThatThrownBy(() -> NoticeTexts.body("证件 32081919800101001X")).hasFieldOrPropertyWithValue("messageKey",
				"notices.body.personal");
		assertThatThrownBy(() -> NoticeTexts.body(" ")).hasFieldOrPropertyWithValue("messageKey", "notices.body.invalid");
		assertThatThrownBy(() -> NoticeTexts.body("长".repeat(501))).hasFieldOrPropertyWithValue("messageKey",
				"notices.body.invalid");
		assertThatThrownBy(() -> NoticeTexts.title("")).hasFieldOrPropertyWithValue("messageKey", "notices.title.invalid");
		assertThat(NoticeTexts.body("热线 12345 全天受理")).isEqualTo("热线 12345 全天受理");
	}

	@Test
	void thePermissionTable() {
		Map<Role, Set<NoticeAccess.Action>> expected = Map.ofEntries(
				Map.entry(Role.CENTER, EnumSet.of(NoticeAccess.Action.WRITE, NoticeAccess.Action.APPROVE, NoticeAccess.Action.INBOX)),
				Map.entry(Role.LEADER, EnumSet.of(NoticeAccess.Action.APPROVE, NoticeAccess.Action.INBOX)),
				Map.entry(Role.STREET, EnumSet.of(NoticeAccess.Action.WRITE, NoticeAccess.Action.INBOX)),
				Map.entry(Role.COMMUNITY, EnumSet.of(NoticeAccess.Action.WRITE, NoticeAccess.Action.INBOX)),
				Map.entry(Role.GRID_WORKER, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.DEPT, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.POLICE, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.PROPERTY, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.INSPECTOR, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.CHECKPOINT, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.LIAISON, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.CADRE, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.VOLUNTEER, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.SITE_MANAGER, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.ADMIN, EnumSet.of(NoticeAccess.Action.INBOX)),
				Map.entry(Role.AUDITOR, EnumSet.of(NoticeAccess.Action.INBOX)));
		for (Role role : Role.values()) {
			CurrentUser user = new CurrentUser(1, "u", "u", Set.of(role), Scope.none(), null);
			for (NoticeAccess.Action action : NoticeAccess.Action.values()) {
				assertThat(NoticeAccess.may(user, action)).as(role + " " + action)
						.isEqualTo(expected.get(role).contains(action));
			}
		}
	}

	@Test
	void thePhoneSetKeepsEachPhoneOnce() {
		OutboxBuilder.LongSet set = new OutboxBuilder.LongSet();
		for (int i = 0; i < 20_000; i++) {
			assertThat(set.add(String.format("%016x", i * 7919L) + "ab")).isTrue();
		}
		for (int i = 0; i < 20_000; i++) {
			assertThat(set.add(String.format("%016x", i * 7919L) + "cd")).isFalse();
		}
	}

	@Test
	void quietHoursAreTenAtNightToSevenInTheMorningDistrictTime() {
		assertThat(quiet("2026-12-06T21:59:00+08:00")).isFalse();
		assertThat(quiet("2026-12-06T22:00:00+08:00")).isTrue();
		assertThat(quiet("2026-12-07T06:59:00+08:00")).isTrue();
		assertThat(quiet("2026-12-07T07:00:00+08:00")).isFalse();
		assertThat(quiet("2026-12-06T15:00:00Z")).isTrue(); // 23:00 in Shanghai
	}

	private static boolean quiet(String at) {
		return OutboxSender.quiet(OffsetDateTime.parse(at), java.time.ZoneId.of("Asia/Shanghai"));
	}
}
