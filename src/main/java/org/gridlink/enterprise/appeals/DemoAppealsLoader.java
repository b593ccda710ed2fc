package org.gridlink.enterprise.appeals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseMilestones;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.DemoHandOff;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo appeals (after the enterprise registry's demo, order 80): {@value #COUNT} appeals of the registered
 * enterprises over the last 45 days in every state the hand-off path leaves (filed, dispatched, accepted, handled,
 * reworked, closed — in time or late), half of them through the green channel, and two reception days (one last week
 * with its matters filed as appeals, one next week with bookings). Written in bulk in one transaction (the cases by
 * {@link CaseManagement#demoHandOffs(List, CaseSource)}, then the appeal rows by one batch); skipped when the registry
 * is empty or appeals exist. Fixed seed.
 */
@DemoData
@Order(81)
class DemoAppealsLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoAppealsLoader.class);
	static final int COUNT = 400;
	private static final long SEED = 20_260_612L;
	private static final Map<String, String> LEAD_UNITS = Map.of("S0701", "U12", "S0702", "U48", "S0703", "U16",
			"S0704", "U13", "S0705", "U11", "S0706", "U11", "S0707", "U29");
	private static final String[] ASKS = { "申请续贷，资金周转困难", "咨询税费减免政策", "厂房租金减免协调", "员工工资争议调解",
			"与供应商合同纠纷", "咨询用工合同条款", "生产许可证延续办理" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final CaseManagement cases;
	private final Organization organization;
	private final GreenChannel greenChannel;
	private final PersonalDataCipher cipher;
	private final Clock clock;

	DemoAppealsLoader(JdbcTemplate jdbc, TransactionTemplate transactions, CaseManagement cases,
			Organization organization, GreenChannel greenChannel, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cases = cases;
		this.organization = organization;
		this.greenChannel = greenChannel;
		this.cipher = cipher;
		this.clock = clock;
	}

	private record Enterprise(long id, String gridCode, boolean key) {
	}

	private record Plan(Enterprise enterprise, String category, boolean green, String channel, OffsetDateTime filedAt,
			AppealClock.Deadlines due, String phone, int bookingIndex) {
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		List<Enterprise> enterprises = jdbc.query("SELECT id, grid_code, key_enterprise FROM enterprise ORDER BY id",
				(rs, i) -> new Enterprise(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
		if (enterprises.isEmpty()) {
			LOG.info("No enterprises registered: no demo appeals");
			return;
		}
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_appeal", Long.class);
		if (existing != null && existing > 0) {
			return;
		}
		transactions.executeWithoutResult(tx -> load());
		LOG.info("Demo appeals loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** Loads the demo appeals and reception days for the registered enterprises, without the checks of a start. */
	void load() {
		List<Enterprise> enterprises = jdbc.query("SELECT id, grid_code, key_enterprise FROM enterprise ORDER BY id",
				(rs, i) -> new Enterprise(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
		Map<String, Long> units = organization.allUnits().stream()
				.collect(Collectors.toMap(UnitView::code, UnitView::id, (a, b) -> a));
		transactions.executeWithoutResult(tx -> load(enterprises, units));
	}

	private void load(List<Enterprise> enterprises, Map<String, Long> units) {
		Random random = new Random(SEED);
		OffsetDateTime now = OffsetDateTime.now(clock);
		GreenChannelSettings settings = greenChannel.settings();
		List<Enterprise> key = enterprises.stream().filter(Enterprise::key).toList();
		List<Enterprise> other = enterprises.stream().filter(e -> !e.key()).toList();
		List<String> plainCategories = AppealCategories.CODES.stream().filter(c -> !settings.categories().contains(c))
				.toList();
		List<String> greenCategories = List.copyOf(settings.categories());
		// the reception day of last week: 4 bookings, their matters among the appeals
		OffsetDateTime pastDay = now.minusDays(7).withHour(9).withMinute(0).withSecond(0).withNano(0);
		OffsetDateTime nextDay = now.plusDays(7).withHour(9).withMinute(0).withSecond(0).withNano(0);
		long pastId = day(pastDay, "区政务服务中心三楼接待室", "稳企业保就业专场", now);
		long nextId = day(nextDay, "区政务服务中心三楼接待室", "融资与用工专场", now);
		List<Long> pastBookings = new ArrayList<>();
		for (int b = 0; b < 4; b++) {
			Enterprise e = enterprises.get(random.nextInt(enterprises.size()));
			pastBookings.add(booking(pastId, b + 1, e.id(), phone(random), ASKS[b], pastDay.minusDays(3),
					pastDay.plusMinutes(30L * b)));
		}
		for (int b = 0; b < 3; b++) {
			Enterprise e = enterprises.get(random.nextInt(enterprises.size()));
			booking(nextId, b + 2, e.id(), phone(random), ASKS[b + 3], now.minusHours(5 + b), null);
		}
		List<Plan> plans = new ArrayList<>();
		List<DemoHandOff> handOffs = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			boolean wantGreen = i % 2 == 0;
			Enterprise e;
			String category;
			if (wantGreen && (!key.isEmpty() && (random.nextBoolean() || greenCategories.isEmpty()))) {
				e = key.get(random.nextInt(key.size()));
				category = AppealCategories.CODES.get(random.nextInt(AppealCategories.CODES.size()));
			}
			else if (wantGreen && !greenCategories.isEmpty()) {
				e = enterprises.get(random.nextInt(enterprises.size()));
				category = greenCategories.get(random.nextInt(greenCategories.size()));
			}
			else {
				e = other.isEmpty() ? enterprises.get(random.nextInt(enterprises.size()))
						: other.get(random.nextInt(other.size()));
				category = plainCategories.isEmpty() ? AppealCategories.CODES.get(0)
						: plainCategories.get(random.nextInt(plainCategories.size()));
			}
			boolean green = AppealClock.green(e.key(), category, settings.categories());
			AppealClock.Limits limits = green ? settings.limits() : greenChannel.standardLimits();
			int bookingIndex = i < pastBookings.size() ? i : -1;
			OffsetDateTime filedAt = bookingIndex >= 0 ? pastDay.plusMinutes(30L * bookingIndex + 10)
					: now.minusMinutes(20 + random.nextInt(45 * 24 * 60));
			String channel = bookingIndex >= 0 ? "RECEPTION" : switch (random.nextInt(3)) {
				case 0 -> "PUBLIC";
				case 1 -> "LIAISON";
				default -> "API";
			};
			// how far it went: 0 filed, 1 dispatched, 2 accepted, 3 handled, 4 reworked, 5.. closed
			int stage = random.nextInt(10);
			double late = random.nextDouble();
			double scale = late < 0.8 ? 0.3 + random.nextDouble() * 0.6 : 1.1 + random.nextDouble();
			OffsetDateTime accepted = stage >= 2 ? filedAt.plusMinutes(Math.max(1,
					(long) (limits.respondMinutes() * scale))) : null;
			OffsetDateTime handled = stage >= 3 ? filedAt.plusMinutes((long) (limits.planMinutes() * scale)) : null;
			OffsetDateTime verified = stage >= 4 ? filedAt.plusMinutes((long) (limits.closeMinutes() * scale)) : null;
			if (handled != null && accepted != null && !handled.isAfter(accepted)) {
				handled = accepted.plusMinutes(5);
			}
			if (verified != null && handled != null && !verified.isAfter(handled)) {
				verified = handled.plusMinutes(30);
			}
			Long unit = stage == 0 ? null : units.get(LEAD_UNITS.get(category));
			String phone = phone(random);
			plans.add(new Plan(e, category, green, channel, filedAt, AppealClock.deadlines(filedAt, limits), phone,
					bookingIndex));
			handOffs.add(new DemoHandOff(channel.equals("PUBLIC") ? "enterprise:demo" : "liaison1", category,
					"【企业诉求】" + ASKS[AppealCategories.CODES.indexOf(category)], e.gridCode(), unit,
					"demo-appeal-" + i, filedAt, accepted, handled, verified, stage != 4, "center"));
		}
		List<Long> caseIds = cases.demoHandOffs(handOffs, CaseSource.ENTERPRISE);
		Map<Long, CaseMilestones> milestones = cases.milestones(caseIds);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < plans.size(); i++) {
			Plan p = plans.get(i);
			CaseMilestones m = milestones.get(caseIds.get(i));
			boolean sealedPhone = p.channel().equals("PUBLIC") || p.channel().equals("RECEPTION");
			OffsetDateTime closedAt = m.closed() ? m.closedAt() : null;
			rows.add(new Object[] { p.enterprise().id(), m.caseId(), m.number(), p.category(), p.channel(), p.green(),
					sealedPhone ? cipher.encrypt(p.phone()) : null, sealedPhone ? Masked.phone(p.phone()) : null,
					p.bookingIndex() >= 0 ? pastBookings.get(p.bookingIndex()) : null, p.filedAt(),
					p.channel().equals("PUBLIC") ? "enterprise:demo" : "liaison1", p.due().respond(), p.due().plan(),
					p.due().close(), m.acceptedAt(), m.handledAt(), closedAt, m.status(),
					p.due().respond().isBefore(now) && m.acceptedAt() == null,
					p.due().plan().isBefore(now) && m.handledAt() == null,
					p.due().close().isBefore(now) && closedAt == null, closedAt == null ? 0 : 1 });
		}
		jdbc.batchUpdate("""
				INSERT INTO enterprise_appeal (enterprise_id, case_id, case_number, category_code, channel, green,
				contact_phone_sealed, contact_phone_masked, booking_id, filed_at, filed_by, respond_due_at, plan_due_at,
				close_due_at, responded_at, planned_at, closed_at, case_status, respond_urged, plan_urged, close_urged,
				closings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	private long day(OffsetDateTime startsAt, String place, String topic, OffsetDateTime now) {
		jdbc.update("INSERT INTO reception_day (starts_at, slot_minutes, slots, place, leader_username, topic,"
				+ " created_at, created_by) VALUES (?, 30, 8, ?, 'leader', ?, ?, 'center')", startsAt, place, topic,
				now.minusDays(14));
		return jdbc.queryForObject("SELECT MAX(id) FROM reception_day", Long.class);
	}

	private long booking(long dayId, int slot, long enterpriseId, String phone, String subject,
			OffsetDateTime bookedAt, @org.jspecify.annotations.Nullable OffsetDateTime receivedAt) {
		jdbc.update("INSERT INTO reception_booking (day_id, slot_no, enterprise_id, contact_phone_sealed,"
				+ " contact_phone_masked, subject, booked_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", dayId, slot,
				enterpriseId, cipher.encrypt(phone), Masked.phone(phone), subject, bookedAt, receivedAt);
		return jdbc.queryForObject("SELECT MAX(id) FROM reception_booking", Long.class);
	}

	private static String phone(Random random) {
		return "139" + String.format("%08d", random.nextInt(100_000_000));
	}

}
