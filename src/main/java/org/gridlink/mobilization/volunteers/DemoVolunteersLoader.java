package org.gridlink.mobilization.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gridlink.platform.DemoData;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo volunteers: {@code gridlink.demo.volunteers} (2,000) volunteers across the communities, about 60 % party
 * members naming a unit as their branch (双报到), most approved, some waiting, a few who left; {@code volunteer1} a
 * party member of community1's community; per community eight tasks over the last four weeks with sign-ups,
 * attendance and hours, and three upcoming open tasks. Batch inserts in one transaction (about a second). Demo mode
 * only; fixed seed.
 */
@DemoData
@Order(70)
class DemoVolunteersLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoVolunteersLoader.class);
	private static final long SEED = 18018L;
	static final String VOLUNTEER1_COMMUNITY = "320819001001";
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "林", "罗", "高" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "华", "建国", "丽", "平", "刚", "桂英", "志强", "海燕" };
	private static final String[] SKILLS = { "驾驶", "急救", "电脑", "心理疏导", "医护", "搬运", "外语", "宣传" };
	private static final String[] TIMES = { "周末", "工作日晚上", "每天上午", "随时", "周一至周五下午" };
	private static final String[][] TASKS = { { "GATE_DUTY", "小区东门值守", "东门卡口" },
			{ "DELIVERY", "生活物资配送", "社区服务中心" }, { "ELDERLY_VISIT", "独居老人探访", "辖区各楼栋" },
			{ "SCREENING_HELP", "核酸筛查秩序维护", "社区广场采样点" }, { "GATE_DUTY", "小区北门值守", "北门卡口" } };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Volunteers volunteers;
	private final PersonalDataCipher cipher;
	private final Clock clock;
	private final int count;

	DemoVolunteersLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Volunteers volunteers,
			PersonalDataCipher cipher, Clock clock, @Value("${gridlink.demo.volunteers:2000}") int count) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.volunteers = volunteers;
		this.cipher = cipher;
		this.clock = clock;
		this.count = count;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM volunteer", Long.class);
		if (count <= 0 || existing == null || existing > 0) {
			return;
		}
		long started = System.nanoTime();
		int[] loaded = transactions.execute(tx -> load());
		LOG.info("Demo volunteers: {} volunteers, {} tasks, {} sign-ups in {} ms", loaded[0], loaded[1], loaded[2],
				(System.nanoTime() - started) / 1_000_000);
	}

	private int[] load() {
		Random random = new Random(SEED);
		List<String> communities = new ArrayList<>(volunteers.communities().keySet());
		List<Long> units = new ArrayList<>(volunteers.units().keySet());
		if (communities.isEmpty()) {
			return new int[3];
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>();
		// per community: the approved volunteers' ids, for sign-ups
		Map<String, List<Long>> serving = new java.util.HashMap<>();
		long id = 1;
		for (int i = 0; i < count; i++, id++) {
			boolean first = i == 0;
			String community = first ? VOLUNTEER1_COMMUNITY : communities.get(i % communities.size());
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			name = first ? "王志刚" : name;
			String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", 10_000_000L + i * 7919L % 90_000_000L)
					.substring(0, 8);
			boolean party = first || random.nextInt(10) < 6;
			Long unit = party && !units.isEmpty() && random.nextInt(10) < 8 ? units.get(random.nextInt(units.size()))
					: null;
			unit = first && !units.isEmpty() ? units.get(Math.min(2, units.size() - 1)) : unit;
			String branch = party && unit == null ? community.substring(9) + "号楼在职党员临时支部" : null;
			int roll = random.nextInt(100);
			String status = first || roll < 85 ? "APPROVED" : roll < 94 ? "PENDING" : roll < 97 ? "LEFT" : "DECLINED";
			OffsetDateTime registered = now.minusDays(40 + random.nextInt(300)).minusMinutes(random.nextInt(1440));
			rows.add(new Object[] { id, community, name, cipher.encrypt(phone), cipher.lookupHash(phone),
					Masked.phone(phone), party, unit, branch,
					SKILLS[random.nextInt(SKILLS.length)] + "、" + SKILLS[random.nextInt(SKILLS.length)],
					TIMES[random.nextInt(TIMES.length)], registered, status, first ? "volunteer1" : null, registered,
					"APPROVED".equals(status) || "LEFT".equals(status) || "DECLINED".equals(status) ? "community1" : null,
					"PENDING".equals(status) ? null : registered.plusDays(1) });
			if ("APPROVED".equals(status)) {
				serving.computeIfAbsent(community, c -> new ArrayList<>()).add(id);
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO volunteer (id, community_code, name, phone_sealed, phone_hash, phone_masked, party_member,
				unit_id, branch, skills, availability, consent_at, status, username, badge_serial, registered_at,
				decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""", rows);

		LocalDate today = LocalDate.now(clock);
		List<Object[]> tasks = new ArrayList<>();
		List<Object[]> signups = new ArrayList<>();
		long taskId = 1;
		for (String community : communities) {
			List<Long> people = serving.getOrDefault(community, List.of());
			for (int t = 0; t < 11; t++, taskId++) {
				boolean past = t < 8;
				LocalDate day = past ? today.minusDays(2 + t * 3L) : today.plusDays(1 + (t - 8) * 2L);
				String[] kind = TASKS[(t + community.hashCode() & 0x7fffffff) % TASKS.length];
				int hour = 8 + random.nextInt(8);
				OffsetDateTime starts = day.atTime(hour, 0).atZone(clock.getZone()).toOffsetDateTime()
						.withOffsetSameInstant(ZoneOffset.UTC);
				int length = 2 + random.nextInt(3);
				int needed = 3 + random.nextInt(4);
				List<Long> chosen = new ArrayList<>(people);
				java.util.Collections.shuffle(chosen, random);
				int taken = Math.min(chosen.size(), past ? needed : random.nextInt(needed));
				if (!past && community.equals(VOLUNTEER1_COMMUNITY)) {
					chosen.remove(Long.valueOf(1));
					taken = Math.min(taken, chosen.size());
				}
				if (past && community.equals(VOLUNTEER1_COMMUNITY) && t < 4 && !chosen.subList(0, taken).contains(1L)) {
					chosen.add(0, 1L);
					taken = Math.min(taken, chosen.size());
				}
				tasks.add(new Object[] { taskId, community, kind[0], kind[1], kind[2], starts, starts.plusHours(length),
						needed, taken, starts.minusDays(3) });
				for (int s = 0; s < taken; s++) {
					boolean attended = !past ? false : random.nextInt(10) < 9;
					String status = !past ? (random.nextBoolean() ? "CONFIRMED" : "SIGNED") : attended ? "ATTENDED"
							: "ABSENT";
					signups.add(new Object[] { taskId, chosen.get(s), status,
							attended ? BigDecimal.valueOf(length - (random.nextInt(3) == 0 ? 0.5 : 0)) : null,
							starts.minusDays(1 + random.nextInt(2)), past ? "community1" : null });
				}
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO volunteer_task (id, community_code, kind, title, place, starts_at, ends_at, needed, signed_up,
				status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 'community1', ?)""", tasks);
		jdbc.batchUpdate("""
				INSERT INTO volunteer_signup (task_id, volunteer_id, status, hours, signed_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?)""", signups);
		for (String table : List.of("volunteer", "volunteer_task")) {
			Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
			jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
		}
		return new int[] { rows.size(), tasks.size(), signups.size() };
	}
}
