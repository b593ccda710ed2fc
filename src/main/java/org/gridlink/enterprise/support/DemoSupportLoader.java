package org.gridlink.enterprise.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gridlink.platform.DemoData;
import org.gridlink.platform.Hashes;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's enterprise support, in one transaction of batched inserts, from the enterprises the registry's
 * loader put in {@code enterprise} (none: nothing to do): relief for about a third of the enterprises (one to three
 * grants of every type over the last year), an advisory team for every key enterprise, and 40 legal check-ups in every
 * stage — scheduled, self-checked, diagnosed (findings of every grade, a fix task for each red and orange one, some
 * overdue) and revisited (some findings closed). Skipped when any of it is there already. Demo mode only.
 */
@DemoData
@Order(82)
class DemoSupportLoader implements ApplicationRunner {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoSupportLoader.class);

	static final int CHECKUPS = 40;
	static final String[] BANKS = { "中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "江苏银行", "农村商业银行",
			"交通银行", "邮政储蓄银行" };
	static final String[] LANDLORDS = { "区国有资产投资公司", "街道集体资产公司", "科技园管理有限公司", "商业广场物业公司" };
	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡" };
	static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
			"华", "平", "刚", "桂英", "建国", "志强", "海燕", "晓东", "立新" };
	static final String[] ORGS = { "区公安分局", "区人民法院", "区人民检察院", "律师事务所" };
	static final String[][] FINDINGS = {
			{ "LABOUR", "部分员工未签订书面劳动合同" }, { "LABOUR", "加班时长超出法定上限，未足额支付加班费" },
			{ "SOCIAL_INSURANCE", "社会保险未为全部员工缴纳" }, { "SOCIAL_INSURANCE", "住房公积金缴存基数偏低" },
			{ "CONTRACTS", "主要采购合同缺少违约责任条款" }, { "CONTRACTS", "公章使用无登记审批制度" },
			{ "IP", "核心商标尚未注册" }, { "IP", "使用未授权的设计软件" }, { "SAFETY", "消防通道堆放杂物" },
			{ "SAFETY", "特种作业人员无证上岗" }, { "ENVIRONMENT", "危险废物贮存不规范" }, { "TAX", "发票管理制度不健全" } };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DemoSupportLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	private record Company(long id, boolean key) {
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		Integer loaded = transactions.execute(tx -> load());
		if (loaded != null && loaded > 0) {
			LOG.info("Demo enterprise support: {} relief grants, teams, {} check-ups loaded in {} ms", loaded, CHECKUPS,
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	int load() {
		List<Company> companies = jdbc.query("SELECT id, key_enterprise FROM enterprise ORDER BY id",
				(rs, i) -> new Company(rs.getLong(1), rs.getBoolean(2)));
		if (companies.isEmpty() || has("enterprise_relief") || has("enterprise_advisor") || has("legal_checkup")) {
			return 0;
		}
		Random random = new Random(20_220_601);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = now.toLocalDate();
		Timestamp at = Timestamp.from(now.toInstant());
		// relief for every third enterprise and every key one
		List<Object[]> relief = new ArrayList<>();
		ReliefType[] types = ReliefType.values();
		for (int i = 0; i < companies.size(); i++) {
			Company c = companies.get(i);
			if (i % 3 != 0 && !c.key()) {
				continue;
			}
			int grants = 1 + random.nextInt(3);
			for (int g = 0; g < grants; g++) {
				ReliefType type = types[random.nextInt(types.length)];
				LocalDate granted = today.minusDays(5 + random.nextInt(360));
				long fen = switch (type) {
					case LOAN_EXTENSION, NEW_CREDIT -> (50 + random.nextInt(950)) * 10_000_00L;
					case INTEREST_RELIEF -> (2 + random.nextInt(40)) * 1_000_00L + random.nextInt(100) * 100L;
					case TAX_FEE_RELIEF -> (5 + random.nextInt(200)) * 1_000_00L + random.nextInt(1000) * 10L;
					case RENT_RELIEF -> (3 + random.nextInt(30)) * 5_000_00L;
					case EMPLOYMENT_SUBSIDY -> (1 + random.nextInt(60)) * 1_500_00L;
				};
				String bank = type.isLoan() ? BANKS[random.nextInt(BANKS.length)] : null;
				LocalDate starts = type.isLoan() ? granted : null;
				LocalDate ends = type.isLoan() ? granted.plusMonths(6 + random.nextInt(19)) : null;
				String landlord = type.isRent() ? LANDLORDS[random.nextInt(LANDLORDS.length)] : null;
				Integer months = type.isRent() ? 1 + random.nextInt(6) : null;
				relief.add(new Object[] { c.id(), type.name(), fen, granted, bank, starts, ends, landlord, months, at });
			}
		}
		jdbc.batchUpdate("INSERT INTO enterprise_relief (enterprise_id, relief_type, amount_fen, granted_on, bank, "
				+ "starts_on, ends_on, landlord, months, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " 'demo')", relief);
		// an advisory team for every key enterprise
		List<Object[]> advisors = new ArrayList<>();
		for (Company c : companies) {
			if (!c.key()) {
				continue;
			}
			for (Seat seat : Seat.values()) {
				String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
				String phone = "0523-8" + String.format("%06d", random.nextInt(1_000_000));
				advisors.add(new Object[] { c.id(), seat.name(), name, ORGS[seat.ordinal()], phone, at });
			}
		}
		jdbc.batchUpdate("INSERT INTO enterprise_advisor (enterprise_id, seat, name, organisation, work_phone, "
				+ "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'demo')", advisors);
		loadCheckups(companies, random, today, at);
		return relief.size();
	}

	private void loadCheckups(List<Company> companies, Random random, LocalDate today, Timestamp at) {
		List<Company> keyFirst = new ArrayList<>(companies.stream().filter(Company::key).toList());
		companies.stream().filter(c -> !c.key()).forEach(keyFirst::add);
		CheckupStatus[] stages = CheckupStatus.values();
		List<Object[]> checkups = new ArrayList<>();
		for (int i = 0; i < CHECKUPS && i < keyFirst.size(); i++) {
			CheckupStatus status = stages[i % stages.length];
			int ago = switch (status) {
				case SCHEDULED -> -random.nextInt(20);
				case SELF_CHECKED -> random.nextInt(10);
				case DIAGNOSED -> 20 + random.nextInt(30);
				case REVISITED -> 60 + random.nextInt(60);
			};
			LocalDate on = today.minusDays(ago);
			Timestamp self = status == CheckupStatus.SCHEDULED ? null : at;
			Timestamp diagnosed = status.ordinal() >= CheckupStatus.DIAGNOSED.ordinal() ? at : null;
			Timestamp revisited = status == CheckupStatus.REVISITED ? at : null;
			checkups.add(new Object[] { keyFirst.get(i).id(), on, status.name(),
					Hashes.sha256Hex(LegalCheckups.newToken()), self, diagnosed, revisited, at });
		}
		jdbc.batchUpdate("INSERT INTO legal_checkup (enterprise_id, scheduled_on, status, token_hash, self_checked_at, "
				+ "diagnosed_at, revisited_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo')", checkups);
		record Row(long id, CheckupStatus status) {
		}
		List<Row> rows = jdbc.query("SELECT id, status FROM legal_checkup WHERE created_by = 'demo' ORDER BY id",
				(rs, i) -> new Row(rs.getLong(1), CheckupStatus.valueOf(rs.getString(2).strip())));
		List<Object[]> answers = new ArrayList<>();
		List<Object[]> findings = new ArrayList<>();
		for (Row r : rows) {
			if (r.status() == CheckupStatus.SCHEDULED) {
				continue;
			}
			for (CheckupQuestions.Question q : CheckupQuestions.ALL) {
				int a = random.nextInt(10);
				answers.add(new Object[] { r.id(), q.code(), a < 7 ? "YES" : a < 9 ? "NO" : "UNSURE",
						a >= 7 ? "正在整改" : null });
			}
			if (r.status().ordinal() >= CheckupStatus.DIAGNOSED.ordinal()) {
				int n = 2 + random.nextInt(4);
				for (int f = 0; f < n; f++) {
					String[] finding = FINDINGS[random.nextInt(FINDINGS.length)];
					Risk risk = Risk.values()[random.nextInt(3)];
					boolean closed = r.status() == CheckupStatus.REVISITED && random.nextInt(3) > 0;
					findings.add(new Object[] { r.id(), finding[0], finding[1], risk.name(), "建议对照相关法律法规完成整改并留存记录",
							closed ? "CLOSED" : "OPEN", at, at });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO legal_checkup_answer (checkup_id, question, answer, note) VALUES (?, ?, ?, ?)",
				answers);
		jdbc.batchUpdate("INSERT INTO legal_checkup_finding (checkup_id, area, description, risk, advice, status, "
				+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", findings);
		record Found(long id, Risk risk, boolean open, LocalDate on) {
		}
		List<Found> found = jdbc.query("SELECT f.id, f.risk, f.status, c.scheduled_on FROM legal_checkup_finding f JOIN "
				+ "legal_checkup c ON c.id = f.checkup_id WHERE c.created_by = 'demo' ORDER BY f.id",
				(rs, i) -> new Found(rs.getLong(1), Risk.valueOf(rs.getString(2).strip()),
						rs.getString(3).strip().equals("OPEN"), rs.getObject(4, LocalDate.class)));
		List<Object[]> tasks = new ArrayList<>();
		for (Found f : found) {
			if (!f.risk().needsFix()) {
				continue;
			}
			// the deadline counts from the diagnosis, some days after the check-up: old ones are overdue
			LocalDate due = f.on().plusDays(7 + f.risk().fixDays());
			tasks.add(new Object[] { f.id(), due, f.open() ? "OPEN" : "DONE", at, at });
		}
		jdbc.batchUpdate("INSERT INTO legal_checkup_fix_task (finding_id, due_on, status, created_at, updated_at) VALUES "
				+ "(?, ?, ?, ?, ?)", tasks);
	}

	private boolean has(String table) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM " + table, Boolean.class));
	}
}
