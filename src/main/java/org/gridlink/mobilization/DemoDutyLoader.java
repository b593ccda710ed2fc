package org.gridlink.mobilization;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gridlink.jurisdiction.CadrePosts;
import org.gridlink.jurisdiction.CadrePosts.CadrePost;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.mobilization.DutyViews.TaskKind;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.Scope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's posted cadres on duty: for each of the last {@value #DAYS} days that has no presence yet, the
 * arrival (and on past days the leaving) of most of the 957 posted cadres, and tasks for about a fifth of them (past
 * ones mostly done). The demo cadre {@code cadre1} has not arrived today, so the scan can be shown, and has two open
 * tasks today. Batched inserts in one transaction; each day is loaded once (a restart on a later day adds the
 * missing days). Demo mode only.
 */
@DemoData
@Order(70)
class DemoDutyLoader implements ApplicationRunner {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoDutyLoader.class);

	static final int DAYS = 7;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final CadrePosts posts;
	private final Jurisdictions jurisdictions;
	private final Clock clock;

	DemoDutyLoader(JdbcTemplate jdbc, TransactionTemplate transactions, CadrePosts posts, Jurisdictions jurisdictions,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.posts = posts;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		Integer days = transactions.execute(tx -> load());
		LOG.info("Demo posted cadres on duty: {} days loaded in {} ms", days, (System.nanoTime() - start) / 1_000_000);
	}

	int load() {
		List<String> districts = jurisdictions.districtCodes();
		if (districts.isEmpty()) {
			return 0;
		}
		List<CadrePost> all = posts.within(Scope.of(districts));
		if (all.isEmpty()) {
			return 0;
		}
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		int loaded = 0;
		for (int back = DAYS - 1; back >= 0; back--) {
			LocalDate day = today.minusDays(back);
			Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM cadre_presence WHERE duty_day = ?", Long.class,
					day);
			if (existing != null && existing > 0) {
				continue;
			}
			Random random = new Random(day.toEpochDay());
			List<Object[]> presence = new ArrayList<>();
			List<Object[]> tasks = new ArrayList<>();
			boolean isToday = back == 0;
			for (CadrePost p : all) {
				boolean demoCadre = "cadre1".equals(p.username());
				boolean came = demoCadre ? !isToday && random.nextInt(100) < 90 : random.nextInt(100) < (isToday ? 88 : 85);
				if (came) {
					var arrived = day.atTime(7, 30).plusMinutes(random.nextInt(120)).atZone(zone);
					var left = isToday ? null : day.atTime(17, 0).plusMinutes(random.nextInt(90)).atZone(zone);
					presence.add(new Object[] { p.staffId(), p.cadreName(), p.unitId(), p.unitName(), p.communityCode(),
							day, arrived.toOffsetDateTime(),
							left == null ? null : left.toOffsetDateTime() });
				}
				int taskCount = demoCadre && isToday ? 2 : random.nextInt(100) < 20 ? 1 : 0;
				for (int t = 0; t < taskCount; t++) {
					TaskKind kind = TaskKind.values()[(demoCadre ? t : random.nextInt(TaskKind.values().length))];
					boolean done = !demoCadre && came && random.nextInt(100) < (isToday ? 30 : 90);
					var assigned = day.minusDays(1).atTime(16, 0).atZone(zone);
					var doneAt = day.atTime(11, 0).plusMinutes(random.nextInt(300)).atZone(zone);
					tasks.add(new Object[] { p.communityCode(), p.staffId(), p.cadreName(), p.unitId(), kind.name(), day,
							DETAILS[kind.ordinal()], "community1", assigned.toOffsetDateTime(),
							done ? doneAt.toOffsetDateTime() : null, done ? DONE[kind.ordinal()] : null });
				}
			}
			jdbc.batchUpdate("INSERT INTO cadre_presence (staff_id, cadre_name, unit_id, unit_name, community_code,"
					+ " duty_day, arrived_at, left_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", presence,
					new int[] { Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE,
							Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE });
			jdbc.batchUpdate("INSERT INTO cadre_task (community_code, staff_id, cadre_name, unit_id, kind, duty_day,"
					+ " details, assigned_by, assigned_at, done_at, done_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					tasks, new int[] { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
							Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
							Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR });
			loaded++;
		}
		return loaded;
	}

	private static final String[] DETAILS = { "小区东门卡口 8:00–12:00", "独居老人走访", "生活物资配送到户",
			"协助核酸采样点秩序维护" };
	private static final String[] DONE = { "值守完成，登记进出人员", "已走访，老人身体正常", "已配送到户",
			"已协助完成排查" };
}
