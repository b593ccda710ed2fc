package org.gridlink.housing.construction;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.DemoHandOff;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo project at mid-construction: the first site ahead (structure reached, some roofs), the second on plan
 * (foundations reached, structure under way), the third behind (three foundations late); daily reports of the last
 * three weeks with a photo per site, open and solved problems (their cases through the cases facade's bulk demo
 * hand-offs), two inspections, supporting works, the budget lines with spending, job seekers, training sessions and
 * placements; and the site manager {@code site1} assigned to the three sites. Batch inserts; loaded once (when the
 * project has no budget line yet).
 */
@DemoData
@Order(86)
class DemoConstructionLoader implements ApplicationRunner {

	static final String SITE_MANAGER = "site1";
	private static final Logger LOG = LoggerFactory.getLogger(DemoConstructionLoader.class);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Accounts accounts;
	private final CaseManagement cases;
	private final SiteProblems problems;
	private final Schedules schedules;
	private final Clock clock;

	DemoConstructionLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Accounts accounts,
			CaseManagement cases, SiteProblems problems, Schedules schedules, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.cases = cases;
		this.problems = problems;
		this.schedules = schedules;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		List<Long> projects = jdbc.queryForList("SELECT id FROM housing_project ORDER BY id", Long.class);
		if (projects.isEmpty()) {
			return;
		}
		long projectId = projects.get(0);
		Long lines = jdbc.queryForObject("SELECT COUNT(*) FROM housing_budget_item WHERE project_id = ?", Long.class,
				projectId);
		if (lines != null && lines > 0) {
			return;
		}
		List<Site> sites = jdbc.query("SELECT " + ConstructionAccess.SITE_COLUMNS
				+ " FROM housing_site s WHERE s.project_id = ? ORDER BY s.id",
				(rs, i) -> new Site(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getInt(6)), projectId);
		if (sites.isEmpty()) {
			return;
		}
		LocalDate handOver = jdbc.queryForObject("SELECT hand_over_on FROM housing_project WHERE id = ?", LocalDate.class,
				projectId);
		transactions.executeWithoutResult(tx -> load(projectId, handOver, sites));
		if (accounts.find(SITE_MANAGER).isEmpty()) {
			accounts.createDemoAccounts(List.of(new NewAccount(SITE_MANAGER, "梁建国", "Demo#2026",
					Set.of(Role.SITE_MANAGER), Set.of(), null)), "Demo#2026");
		}
		jdbc.batchUpdate("INSERT INTO housing_site_manager (site_id, username) VALUES (?, ?)",
				sites.stream().map(s -> new Object[] { s.id(), SITE_MANAGER }).toList());
		problems(sites);
		LOG.info("Demo rural housing construction loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void load(long projectId, LocalDate handOver, List<Site> sites) {
		LocalDate today = schedules.today();
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.batchUpdate("INSERT INTO housing_milestone_duration (project_id, site_id, building, kind, days) VALUES (?, 0, 0, ?, ?)",
				BackwardSchedule.DEFAULT_DAYS.entrySet().stream()
						.map(e -> new Object[] { projectId, e.getKey().name(), e.getValue() }).toList());
		List<BackwardSchedule.Planned> plan = BackwardSchedule.plan(handOver, BackwardSchedule.DEFAULT_DAYS);
		LocalDate foundationDue = plan.get(0).end();
		List<Object[]> actual = new ArrayList<>();
		for (int i = 0; i < sites.size(); i++) {
			Site s = sites.get(i);
			for (int b = 1; b <= s.buildings(); b++) {
				LocalDate foundation = min(today.minusDays(1), foundationDue.minusDays(4 - b % 5));
				if (i == 0) {
					actual.add(row(s, b, MilestoneKind.FOUNDATION, foundationDue.minusDays(40), foundation.minusDays(3)));
					LocalDate structure = b <= 4 ? today.minusDays(20 - b) : today.minusDays(1 + b % 6);
					actual.add(row(s, b, MilestoneKind.STRUCTURE, foundation.minusDays(2), structure));
					actual.add(row(s, b, MilestoneKind.ROOF, structure, b <= 4 ? today.minusDays(5 - b) : null));
				}
				else if (i == 1 || b <= 7) {
					actual.add(row(s, b, MilestoneKind.FOUNDATION, foundationDue.minusDays(30), foundation));
					actual.add(row(s, b, MilestoneKind.STRUCTURE, foundation, null));
				}
				else {
					actual.add(row(s, b, MilestoneKind.FOUNDATION, foundationDue.minusDays(25), null));
				}
			}
		}
		for (Object[] a : actual) {
			a[6] = now;
		}
		jdbc.batchUpdate("INSERT INTO housing_milestone_actual (site_id, building, kind, started_on, reached_on, recorded_by,"
				+ " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", actual);
		// daily reports of the last 21 days, one per site and day; a photo on each site's latest
		int[] base = { 46, 30, 18 };
		List<Object[]> reports = new ArrayList<>();
		for (int i = 0; i < sites.size(); i++) {
			for (int d = 21; d >= 1; d--) {
				LocalDate day = today.minusDays(d);
				reports.add(new Object[] { sites.get(i).id(), day, Math.min(100, base[i % 3] - d), 60 + (d * 7 + i * 13) % 40,
						d == 1 ? "今日完成情况正常" : null, "demo-construction-" + sites.get(i).id() + "-" + day,
						SITE_MANAGER, day.atTime(17, 30).atOffset(ZoneOffset.ofHours(8)) });
			}
		}
		jdbc.batchUpdate("INSERT INTO housing_daily_report (site_id, report_day, percent, workers, note, client_id,"
				+ " reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", reports);
		List<Object[]> photos = new ArrayList<>();
		int[] colors = { 0x8d6e63, 0x90a4ae, 0xa1887f };
		for (int i = 0; i < sites.size(); i++) {
			Long report = jdbc.queryForObject("SELECT id FROM housing_daily_report WHERE client_id = ?", Long.class,
					"demo-construction-" + sites.get(i).id() + "-" + today.minusDays(1));
			photos.add(new Object[] { report, "image/png", png(colors[i % 3], i) });
		}
		jdbc.batchUpdate("INSERT INTO housing_progress_photo (report_id, content_type, data) VALUES (?, ?, ?)", photos);
		// inspections: a quality one passed, a safety one with two findings
		jdbc.update("INSERT INTO housing_inspection (site_id, kind, inspected_on, inspector, note, client_id, created_at)"
				+ " VALUES (?, 'QUALITY', ?, 'inspector1', '主体结构抽检', 'demo-construction-insp-1', ?)",
				sites.get(0).id(), today.minusDays(6), now);
		jdbc.update("INSERT INTO housing_inspection (site_id, kind, inspected_on, inspector, note, client_id, created_at)"
				+ " VALUES (?, 'SAFETY', ?, 'inspector1', '安全文明施工检查', 'demo-construction-insp-2', ?)",
				sites.get(sites.size() - 1).id(), today.minusDays(3), now);
		long quality = jdbc.queryForObject("SELECT id FROM housing_inspection WHERE client_id = 'demo-construction-insp-1'",
				Long.class);
		long safety = jdbc.queryForObject("SELECT id FROM housing_inspection WHERE client_id = 'demo-construction-insp-2'",
				Long.class);
		List<Object[]> findings = new ArrayList<>();
		for (String item : SiteInspections.CHECKLIST.get("QUALITY")) {
			findings.add(new Object[] { quality, item, true, null });
		}
		for (String item : SiteInspections.CHECKLIST.get("SAFETY")) {
			boolean failed = item.equals("EDGE_PROTECTION") || item.equals("HELMETS");
			findings.add(new Object[] { safety, item, !failed, failed ? "已要求当日整改" : null });
		}
		jdbc.batchUpdate("INSERT INTO housing_inspection_finding (inspection_id, item, passed, note) VALUES (?, ?, ?, ?)",
				findings);
		// supporting works
		List<Object[]> works = new ArrayList<>();
		for (int i = 0; i < sites.size(); i++) {
			works.add(new Object[] { projectId, sites.get(i).id(), "ROAD", sites.get(i).name() + "进场道路",
					new int[] { 80, 60, 35 }[i % 3], handOver.minusDays(30) });
		}
		String[][] shared = { { "WATER", "集中供水管网", "40" }, { "SEWAGE", "污水管网及处理设施", "25" },
				{ "POWER", "10千伏配电工程", "30" }, { "GAS", "燃气入户管网", "10" }, { "GREENING", "安置点绿化", "0" } };
		for (String[] w : shared) {
			works.add(new Object[] { projectId, null, w[0], w[1], Integer.parseInt(w[2]), handOver.minusDays(10) });
		}
		jdbc.batchUpdate("INSERT INTO housing_supporting_work (project_id, site_id, kind, name, percent, planned_end)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", works);
		// budget lines (250 million CNY in all) and spending
		Object[][] items = { { "新建住房（三个安置点）", 20_500_000_000L }, { "道路工程", 1_200_000_000L },
				{ "供水排水工程", 900_000_000L }, { "供电燃气工程", 800_000_000L }, { "绿化及公共空间", 300_000_000L },
				{ "设计、监理及其他", 1_300_000_000L } };
		List<Object[]> itemRows = new ArrayList<>();
		for (int i = 0; i < items.length; i++) {
			itemRows.add(new Object[] { projectId, items[i][0], items[i][1], i + 1 });
		}
		jdbc.batchUpdate("INSERT INTO housing_budget_item (project_id, name, budget_fen, sort_order) VALUES (?, ?, ?, ?)",
				itemRows);
		List<Long> itemIds = jdbc.queryForList("SELECT id FROM housing_budget_item WHERE project_id = ? ORDER BY sort_order",
				Long.class, projectId);
		double[] share = { 0.42, 0.5, 0.3, 0.25, 0.0, 0.55 };
		List<Object[]> spending = new ArrayList<>();
		for (int i = 0; i < itemIds.size(); i++) {
			long total = Math.round((Long) items[i][1] * share[i]);
			for (int m = 0; m < 3 && total > 0; m++) {
				spending.add(new Object[] { itemIds.get(i), today.minusDays(60 - m * 25), total / 3,
						"第" + (m + 1) + "期拨付", "center", now });
			}
		}
		jdbc.batchUpdate("INSERT INTO housing_spending (item_id, spent_on, amount_fen, note, recorded_by, recorded_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", spending);
		// job seekers from the project's households, three training sessions, placements
		List<Map<String, Object>> households = jdbc.queryForList("SELECT id, head_masked FROM housing_household WHERE"
				+ " project_id = ? ORDER BY id LIMIT 40", projectId);
		String[] wants = { "WORK", "TRAINING", "BOTH" };
		String[] skills = { "泥瓦工", "钢筋工", "电工", "保洁", "家政服务", null };
		List<Object[]> seekers = new ArrayList<>();
		for (int i = 0; i < households.size(); i++) {
			Map<String, Object> h = households.get(i);
			boolean placed = i % 5 == 0;
			seekers.add(new Object[] { projectId, h.get("id"), h.get("head_masked"), wants[i % 3], skills[i % 6],
					today.minusDays(50 - i % 20), placed ? today.minusDays(10 + i % 7) : null,
					placed ? "本项目施工单位" : null });
		}
		jdbc.batchUpdate("INSERT INTO housing_job_seeker (project_id, housing_household_id, member_masked, wants, skill,"
				+ " registered_on, placed_on, employer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seekers);
		List<Long> seekerIds = jdbc.queryForList("SELECT id FROM housing_job_seeker WHERE project_id = ? ORDER BY id",
				Long.class, projectId);
		String[] titles = { "建筑瓦工技能培训", "农村电工安全培训", "家政服务技能培训" };
		List<Object[]> attendance = new ArrayList<>();
		for (int t = 0; t < titles.length; t++) {
			jdbc.update("INSERT INTO housing_training_session (project_id, title, held_on, place, created_by) VALUES"
					+ " (?, ?, ?, ?, 'center')", projectId, titles[t], today.minusDays(35 - t * 12), sites.get(0).name());
			long session = jdbc.queryForObject("SELECT MAX(id) FROM housing_training_session WHERE project_id = ?",
					Long.class, projectId);
			for (int i = t; i < seekerIds.size(); i += 3) {
				attendance.add(new Object[] { session, seekerIds.get(i) });
			}
		}
		jdbc.batchUpdate("INSERT INTO housing_training_attendance (session_id, seeker_id) VALUES (?, ?)", attendance);
	}

	/** Two open problems (one raised today, one yesterday past its target) and two solved, as cases in bulk. */
	private void problems(List<Site> sites) {
		LocalDate today = schedules.today();
		OffsetDateTime now = OffsetDateTime.now(clock);
		record P(Site site, Integer building, ProblemKind kind, String text, int daysAgo, boolean solved) {
		}
		Site last = sites.get(sites.size() - 1);
		List<P> list = List.of(
				new P(last, 8, ProblemKind.QUALITY, "基础混凝土浇筑后发现蜂窝麻面，需复检", 0, false),
				new P(sites.get(0), null, ProblemKind.WATER, "临时施工用水水压不足，影响养护", 1, false),
				new P(sites.get(0), 3, ProblemKind.SAFETY, "脚手架连墙件缺失", 9, true),
				new P(last, null, ProblemKind.WASTE, "建筑垃圾堆放占用村道", 15, true));
		List<DemoHandOff> handOffs = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			P p = list.get(i);
			LocalDate day = today.minusDays(p.daysAgo());
			OffsetDateTime nine = day.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
			OffsetDateTime at = nine.isAfter(now.minusMinutes(5)) ? now.minusMinutes(5) : nine;
			jdbc.update("INSERT INTO housing_site_problem (site_id, building, kind, description, raised_on, due_on, client_id,"
					+ " raised_by, raised_at, solved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.site().id(), p.building(),
					p.kind().name(), p.text(), day, day, "demo-construction-problem-" + p.site().id() + "-" + i,
					SITE_MANAGER, at, p.solved() ? at.plusHours(7) : null);
			long id = jdbc.queryForObject("SELECT id FROM housing_site_problem WHERE client_id = ?", Long.class,
					"demo-construction-problem-" + p.site().id() + "-" + i);
			ids.add(id);
			handOffs.add(new DemoHandOff(SITE_MANAGER, p.kind().categoryCode(),
					SiteProblems.caseText(p.site().name(), p.building(), p.text()), p.site().villageCode(),
					problems.unitFor(p.kind()), SiteProblems.caseKey(id), at, p.daysAgo() > 0 ? at.plusHours(1) : null,
					p.solved() ? at.plusHours(5) : null, p.solved() ? at.plusHours(7) : null, true, "center"));
		}
		List<Long> caseIds = cases.demoHandOffs(handOffs);
		List<Object[]> links = new ArrayList<>();
		for (int i = 0; i < caseIds.size(); i++) {
			links.add(new Object[] { caseIds.get(i), ids.get(i) });
		}
		jdbc.batchUpdate("UPDATE housing_site_problem SET case_id = ? WHERE id = ?", links);
	}

	private static Object[] row(Site s, int b, MilestoneKind kind, LocalDate started, LocalDate reached) {
		return new Object[] { s.id(), b, kind.name(), started, reached, SITE_MANAGER, null };
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * A small picture of buildings under way (the demo's progress photo), written as a PNG directly (no image library
	 * to start): sky, three blocks of different heights, the ground.
	 */
	static byte[] png(int colour, int seed) {
		int w = 160;
		int h = 120;
		byte[] raw = new byte[h * (1 + w * 3)];
		int at = 0;
		for (int y = 0; y < h; y++) {
			raw[at++] = 0;
			for (int x = 0; x < w; x++) {
				int block = (x - 15) / 48;
				boolean inBlock = x >= 15 && block < 3 && (x - 15) % 48 < 36 && y >= 40 - (seed * 7 + block * 11) % 20;
				int rgb = y >= 105 ? 0x6d4c41 : inBlock ? colour : 0xbbdefb;
				raw[at++] = (byte) (rgb >> 16);
				raw[at++] = (byte) (rgb >> 8);
				raw[at++] = (byte) rgb;
			}
		}
		Deflater deflater = new Deflater();
		deflater.setInput(raw);
		deflater.finish();
		ByteArrayOutputStream z = new ByteArrayOutputStream();
		byte[] buf = new byte[8192];
		while (!deflater.finished()) {
			z.write(buf, 0, deflater.deflate(buf));
		}
		deflater.end();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
				.put((byte) 0).put((byte) 0).array());
		chunk(out, "IDAT", z.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(t);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}
}
