package org.gridlink.mobilization.council;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo councils: one "1+N" council per demo community (the party committee's secretary in the chair, the residents'
 * and owners' committees, the property company, a social organisation, the community officer, a posted unit, and one
 * member who left), with a meeting every fortnight over the last three months (two agenda items, attendance, a
 * decision per item, minutes signed off except for the latest meeting's draft). Decisions past their deadline are
 * mostly done, about one in four overdue. All in one transaction with batch inserts (well under a second); loaded
 * only when there is no seat yet. Demo mode only; fixed seed.
 */
@DemoData
@Order(47)
class DemoCouncilLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoCouncilLoader.class);
	private static final long SEED = 18007L;
	private static final int MEETINGS = 7;
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "林", "高", "罗" };
	private static final String[] GIVEN = { "建华", "秀英", "志强", "丽娟", "国庆", "海燕", "明", "静", "伟", "芳", "春梅",
			"立新", "文杰", "晓东", "红梅", "永刚" };
	private static final String[][] TOPICS = { { "小区电动车集中充电设施建设", "由物业公司在3号楼北侧建设集中充电棚，月底前完成选址公示" },
			{ "老旧小区楼道堆物清理", "组织志愿者和物业开展楼道清理，居委会做好入户宣传" },
			{ "独居老人定期探访安排", "社会组织牵头建立探访台账，每周上门一次" },
			{ "小区停车秩序整治", "业委会征求业主意见，物业公司施划车位" },
			{ "二次供水水箱清洗", "物业公司联系专业单位清洗并公示检测报告" },
			{ "卡口值守人员轮班", "挂包单位每天派两名干部参与卡口值守" },
			{ "防疫物资储备补充", "社区党委统筹，挂包单位协助采购" },
			{ "夜间噪声扰民问题", "社区民警会同物业加强夜间巡查" },
			{ "垃圾分类投放点改造", "居委会会同物业公司改造投放点并安排督导员" },
			{ "小区消防通道占用", "物业公司清理通道，社区民警配合劝导" } };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final Clock clock;

	DemoCouncilLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			Organization organization, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Long seats = jdbc.queryForObject("SELECT COUNT(*) FROM council_seat", Long.class);
		if (seats != null && seats > 0) {
			return;
		}
		int councils = transactions.execute(tx -> load());
		LOG.info("Demo councils: {} councils loaded in {} ms", councils, (System.nanoTime() - started) / 1_000_000);
	}

	private String person(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
	}

	private int load() {
		Random random = new Random(SEED);
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		Map<String, String> communities = new LinkedHashMap<>();
		for (ResidentialGrid g : jurisdictions.residentialGrids()) {
			communities.putIfAbsent(g.code().substring(0, 12), g.parentName());
		}
		List<UnitView> units = organization.allUnits().stream().filter(u -> !"COMMAND_CENTER".equals(u.kind()))
				.sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
		if (communities.isEmpty()) {
			return 0;
		}
		LocalDate termFrom = today.minusYears(1).withDayOfYear(1);
		LocalDate termTo = termFrom.plusYears(5).minusDays(1);
		OffsetDateTime created = termFrom.atTime(9, 0).atZone(zone).toOffsetDateTime();
		List<Object[]> seats = new ArrayList<>();
		List<Object[]> meetings = new ArrayList<>();
		List<Object[]> revisions = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		List<Object[]> attendance = new ArrayList<>();
		List<Object[]> decisions = new ArrayList<>();
		List<Object[]> progress = new ArrayList<>();
		long seatId = 1;
		long meetingId = 1;
		long itemId = 1;
		long decisionId = 1;
		int c = 0;
		for (Map.Entry<String, String> community : communities.entrySet()) {
			String code = community.getKey();
			String name = community.getValue();
			String unit = units.isEmpty() ? "区直机关" : units.get(c % units.size()).name();
			String[][] plan = { { "PARTY_COMMITTEE", name + "党委", "书记" }, { "RESIDENTS_COMMITTEE", name + "居委会", "主任" },
					{ "OWNERS_COMMITTEE", name + "业主委员会", "主任" }, { "PROPERTY", name.replace("社区", "") + "物业服务有限公司", "项目经理" },
					{ "SOCIAL_ORG", name.replace("社区", "") + "邻里互助会", "负责人" }, { "POLICE", name + "警务室", "社区民警" },
					{ "POSTED_UNIT", unit, "挂包干部" } };
			List<Long> current = new ArrayList<>();
			for (int s = 0; s < plan.length; s++) {
				seats.add(new Object[] { seatId, code, plan[s][0], plan[s][1], person(random), plan[s][2], s == 0,
						termFrom, termTo, null, created });
				current.add(seatId++);
			}
			// a member who left two months ago (the owners' committee's former deputy)
			seats.add(new Object[] { seatId++, code, "OWNERS_COMMITTEE", name + "业主委员会", person(random), "副主任",
					false, termFrom, termTo, today.minusMonths(4), created });
			String chair = (String) seats.get(seats.size() - plan.length - 1)[4];
			for (int m = 0; m < MEETINGS; m++) {
				LocalDate held = today.minusDays(4 + (MEETINGS - 1 - m) * 14L + c % 5);
				OffsetDateTime at = held.atTime(15, 0).atZone(zone).toOffsetDateTime();
				boolean latest = m == MEETINGS - 1;
				String title = "第" + (m + 1) + "次议事会议";
				List<Integer> present = new ArrayList<>();
				for (int s = 0; s < current.size(); s++) {
					if (s == 0 || random.nextInt(10) < 8) {
						present.add(s);
					}
				}
				for (int s = 1; present.size() * 2 <= current.size(); s++) {
					if (!present.contains(s)) {
						present.add(s);
					}
				}
				for (int s : present) {
					attendance.add(new Object[] { meetingId, current.get(s) });
				}
				StringBuilder minutes = new StringBuilder(title + "于" + held + "召开，应到" + current.size() + "人，实到"
						+ present.size() + "人，由社区党委书记主持。\n");
				for (int i = 0; i < 2; i++) {
					String[] topic = TOPICS[(c + m * 2 + i) % TOPICS.length];
					items.add(new Object[] { itemId, meetingId, i + 1, "FREE", null, null, topic[0] });
					LocalDate deadline = held.plusDays(7 + random.nextInt(24));
					boolean past = deadline.isBefore(today);
					// about one in four decisions past their deadline is still open (overdue); a few recent ones are done
					boolean done = past ? (m + i + c) % 4 != 1 : (m + i) % 5 == 0;
					OffsetDateTime doneAt = done ? min(deadline.minusDays(random.nextInt(5)).atTime(17, 0).atZone(zone)
							.toOffsetDateTime(), OffsetDateTime.now(clock).minusHours(1)) : null;
					long owner = current.get(1 + random.nextInt(current.size() - 1));
					decisions.add(new Object[] { decisionId, meetingId, itemId, code, topic[1], owner, deadline,
							done ? "DONE" : "OPEN", doneAt, "community1", at.plusHours(2) });
					progress.add(new Object[] { decisionId, "已召集相关单位商定办理方案", false, "community1",
							at.plusDays(1) });
					if (done) {
						progress.add(new Object[] { decisionId, "已办结，群众反映良好", true, "community1", doneAt });
					}
					minutes.append(i + 1).append("、").append(topic[0]).append("：").append(topic[1]).append("。\n");
					itemId++;
					decisionId++;
				}
				String text = minutes.toString().strip();
				meetings.add(new Object[] { meetingId, code, held, title, text, latest ? "DRAFT" : "SIGNED", 1,
						latest ? null : "community1", latest ? null : chair, latest ? null : at.plusDays(2), 2,
						"community1", at.minusDays(3) });
				revisions.add(new Object[] { meetingId, 1, text, "community1", at.plusHours(3) });
				meetingId++;
			}
			c++;
		}
		jdbc.batchUpdate("INSERT INTO council_seat (id, community_code, kind, organisation, person_name, person_role,"
				+ " chair, term_from, term_to, left_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seats,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN, java.sql.Types.DATE,
						java.sql.Types.DATE, java.sql.Types.DATE, java.sql.Types.TIMESTAMP_WITH_TIMEZONE });
		jdbc.batchUpdate("INSERT INTO council_meeting (id, community_code, held_on, title, minutes, minutes_state,"
				+ " minutes_revision, signed_by, signed_chair, signed_at, version, created_by, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", meetings,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.DATE, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.INTEGER,
						java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP_WITH_TIMEZONE });
		jdbc.batchUpdate("INSERT INTO council_minutes_revision (meeting_id, revision, text, saved_by, saved_at)"
				+ " VALUES (?, ?, ?, ?, ?)", revisions);
		jdbc.batchUpdate("INSERT INTO council_agenda_item (id, meeting_id, position, source, ref_id, ref_label, title)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?)", items,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
						java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR });
		jdbc.batchUpdate("INSERT INTO council_attendance (meeting_id, seat_id) VALUES (?, ?)", attendance);
		jdbc.batchUpdate("INSERT INTO council_decision (id, meeting_id, agenda_item_id, community_code, text,"
				+ " owner_seat_id, deadline, state, done_at, created_by, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", decisions,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.DATE, java.sql.Types.VARCHAR,
						java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR,
						java.sql.Types.TIMESTAMP_WITH_TIMEZONE });
		jdbc.batchUpdate("INSERT INTO council_progress (decision_id, note, done, written_by, written_at)"
				+ " VALUES (?, ?, ?, ?, ?)", progress);
		for (String table : List.of("council_seat", "council_meeting", "council_agenda_item", "council_decision")) {
			Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
			jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
		}
		return communities.size();
	}

	private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
		return a.isBefore(b) ? a : b;
	}
}
