package org.gridlink.quarantine;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.IdNumber;
import org.gridlink.shared.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo contacts and quarantine: three centralized sites (12 rooms × 2 beds each), four exposure events, 120 traced
 * persons (some in grid1's grid) with their contacts — 20 of them contacts of contacts — and orders: home and
 * centralized ones running, some released. Loaded in bulk once into empty quarantine tables, with a fixed seed. Demo mode
 * only ({@code @DemoData}).
 */
@DemoData
@Order(40)
class DemoQuarantineLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoQuarantineLoader.class);
	private static final long SEED = 20200128L;
	private static final int PERSONS = 120;
	private static final int SECOND_GENERATION = 20;
	private static final int ORDERS = 80;
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
			"超", "秀英", "建国", "海燕", "志强", "丽娟" };
	private static final String[][] SITES = { { "江滨区第一集中隔离点", "滨江大道 188 号", "320819001000" },
			{ "江滨区第二集中隔离点", "工业园路 66 号", "320819002000" }, { "江滨区城南集中隔离点", "南环路 9 号", "320819003000" } };
	private static final String[][] EVENTS = { { "金桥社区家庭聚餐", "金桥路 8 号饭店" }, { "城东农贸市场", "城东农贸市场 A 区" },
			{ "翔宇大道公交 12 路", "12 路公交车" }, { "工业园某厂车间", "工业园路 66 号 3 号车间" } };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final PersonalDataCipher cipher;
	private final QuarantineRules rules;

	DemoQuarantineLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			PersonalDataCipher cipher, QuarantineRules rules) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.cipher = cipher;
		this.rules = rules;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long sites = jdbc.queryForObject("SELECT COUNT(*) FROM quarantine_site", Long.class);
		Long persons = jdbc.queryForObject("SELECT COUNT(*) FROM quarantine_person", Long.class);
		List<String> grids = jurisdictions.residentialGrids().stream().map(ResidentialGrid::code).toList();
		if (sites == null || sites > 0 || persons == null || persons > 0 || grids.isEmpty()
				|| !jurisdictions.exists(SITES[2][2])) {
			return;
		}
		long started = System.nanoTime();
		transactions.executeWithoutResult(tx -> load(grids));
		LOG.info("Demo quarantine: {} sites, {} persons, {} orders loaded in {} ms", SITES.length, PERSONS, ORDERS,
				(System.nanoTime() - started) / 1_000_000);
	}

	private void load(List<String> grids) {
		Random random = new Random(SEED);
		OffsetDateTime now = OffsetDateTime.now(QuarantineOrders.ZONE);
		LocalDate today = now.toLocalDate();
		List<Long> beds = sites(now);
		List<Long> events = new ArrayList<>();
		for (int i = 0; i < EVENTS.length; i++) {
			jdbc.update("INSERT INTO exposure_event (name, place, occurred_on, jurisdiction_code, created_by, created_at)"
					+ " VALUES (?, ?, ?, ?, 'center', ?)", EVENTS[i][0], EVENTS[i][1], today.minusDays(2 + 3L * i),
					SITES[i % SITES.length][2], now);
			events.add(jdbc.queryForObject("SELECT MAX(id) FROM exposure_event", Long.class));
		}
		List<Object[]> personRows = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		List<String> personGrids = new ArrayList<>();
		for (int i = 0; i < PERSONS; i++) {
			String grid = i < 10 ? "320819001001001" : grids.get(random.nextInt(grids.size()));
			if (!grids.contains(grid)) {
				grid = grids.get(0);
			}
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(25_000));
			String first17 = "320819" + born.toString().replace("-", "") + String.format("%03d", 900 + i % 100);
			String id = first17 + IdNumber.checkCharacter(first17);
			String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
			String hash = cipher.lookupHash(id);
			hashes.add(hash);
			personGrids.add(grid);
			personRows.add(new Object[] { grid.substring(0, 6), name, Masked.name(name), hash,
					cipher.encrypt(id), Masked.idNumber(id), cipher.encrypt(phone), Masked.phone(phone), grid, now });
		}
		jdbc.batchUpdate("""
				INSERT INTO quarantine_person (district_code, name, name_masked, id_kind, id_hash, id_enc, id_masked,
				phone_enc, phone_masked, grid_code, created_by, created_at) VALUES (?, ?, ?, 'ID', ?, ?, ?, ?, ?, ?, 'center', ?)""",
				personRows, new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
						Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE });
		Map<String, Long> ids = new HashMap<>();
		jdbc.query("SELECT id, id_hash FROM quarantine_person", rs -> {
			ids.put(rs.getString(2), rs.getLong(1));
		});
		List<Object[]> contactRows = new ArrayList<>();
		LocalDate[] exposure = new LocalDate[PERSONS];
		for (int i = 0; i < PERSONS - SECOND_GENERATION; i++) {
			int e = i % events.size();
			exposure[i] = today.minusDays(2 + 3L * e);
			contactRows.add(new Object[] { ids.get(hashes.get(i)), "EVENT", events.get(e), null, "EVENT:" + events.get(e),
					1, exposure[i], i % 7 == 0 ? "HOUSEHOLD" : "SAME_SPACE", i % 4 == 3 ? "MEDIUM" : "HIGH",
					personGrids.get(i), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO close_contact (person_id, source_kind, event_id, source_contact_id, source_key, generation,
				exposure_date, exposure_type, risk_level, jurisdiction_code, reported_by, reported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'center', ?)""", contactRows, contactTypes());
		Map<Long, Long> contactOfPerson = new HashMap<>();
		jdbc.query("SELECT id, person_id FROM close_contact", rs -> {
			contactOfPerson.put(rs.getLong(2), rs.getLong(1));
		});
		List<Object[]> second = new ArrayList<>();
		for (int i = PERSONS - SECOND_GENERATION; i < PERSONS; i++) {
			long parent = contactOfPerson.get(ids.get(hashes.get(i - (PERSONS - SECOND_GENERATION))));
			exposure[i] = today.minusDays(1);
			second.add(new Object[] { ids.get(hashes.get(i)), "CONTACT", null, parent, "CONTACT:" + parent, 2,
					exposure[i], "HOUSEHOLD", "LOW", personGrids.get(i), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO close_contact (person_id, source_kind, event_id, source_contact_id, source_key, generation,
				exposure_date, exposure_type, risk_level, jurisdiction_code, reported_by, reported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'center', ?)""", second, contactTypes());
		orders(ids, hashes, exposure, beds, now);
	}

	private void orders(Map<String, Long> ids, List<String> hashes, LocalDate[] exposure, List<Long> beds,
			OffsetDateTime now) {
		List<Object[]> rows = new ArrayList<>();
		int bed = 0;
		for (int i = 0; i < ORDERS; i++) {
			long person = ids.get(hashes.get(i));
			boolean released = i % 5 == 4;
			boolean centralized = i % 3 == 0 && bed < beds.size() - 4;
			Long bedId = centralized ? beds.get(bed++) : null;
			LocalDate start = exposure[i].plusDays(1);
			LocalDate end = exposure[i].plusDays(rules.days(i % 4 == 3 ? RiskLevel.MEDIUM : RiskLevel.HIGH,
					i % 7 == 0 ? ExposureType.HOUSEHOLD : ExposureType.SAME_SPACE));
			rows.add(new Object[] { person, centralized ? "CENTRALIZED" : "HOME", bedId, released ? null : bedId,
					released ? null : person, exposure[i], start, end, released ? "RELEASED" : "ACTIVE",
					released ? "EARLY" : null, released ? "核酸检测阴性，经评估提前解除" : null,
					released ? now.minusHours(2) : null, released ? "center" : null,
					start.atStartOfDay(QuarantineOrders.ZONE).toOffsetDateTime().plusHours(9) });
		}
		jdbc.batchUpdate("""
				INSERT INTO quarantine_order (person_id, type, bed_id, occupied_bed_id, active_person_id, last_exposure,
				start_date, planned_end, status, release_kind, release_reason, released_at, released_by, created_by,
				created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'center', ?)""", rows,
				new int[] { Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.DATE, Types.DATE,
						Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
						Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE });
		jdbc.update("UPDATE quarantine_order SET room_id = (SELECT b.room_id FROM quarantine_bed b WHERE b.id ="
				+ " quarantine_order.bed_id), site_id = (SELECT b.site_id FROM quarantine_bed b WHERE b.id ="
				+ " quarantine_order.bed_id) WHERE bed_id IS NOT NULL");
		jdbc.update("""
				INSERT INTO quarantine_order_event (order_id, action, site_id, detail, reason, actor, occurred_at)
				SELECT id, 'ORDERED', NULL, type, '', 'center', created_at FROM quarantine_order""");
		jdbc.update("""
				INSERT INTO quarantine_order_event (order_id, action, site_id, detail, reason, actor, occurred_at)
				SELECT id, 'ADMITTED', site_id, '', '', 'center', created_at FROM quarantine_order WHERE site_id IS NOT NULL""");
		jdbc.update("""
				INSERT INTO quarantine_order_event (order_id, action, site_id, detail, reason, actor, occurred_at)
				SELECT id, 'DISCHARGED', site_id, '', release_reason, 'center', released_at FROM quarantine_order
				WHERE site_id IS NOT NULL AND status = 'RELEASED'""");
		jdbc.update("""
				INSERT INTO quarantine_order_event (order_id, action, site_id, detail, reason, actor, occurred_at)
				SELECT id, 'RELEASED', NULL, release_kind, release_reason, 'center', released_at FROM quarantine_order
				WHERE status = 'RELEASED'""");
	}

	/** The sites with 12 rooms of 2 beds each; returns the bed ids, site by site. */
	private List<Long> sites(OffsetDateTime now) {
		for (String[] site : SITES) {
			jdbc.update("INSERT INTO quarantine_site (name, address, jurisdiction_code, created_by, created_at)"
					+ " VALUES (?, ?, ?, 'center', ?)", site[0], site[1], site[2], now);
		}
		List<Object[]> rooms = new ArrayList<>();
		for (Long site : jdbc.queryForList("SELECT id FROM quarantine_site ORDER BY id", Long.class)) {
			for (int floor = 1; floor <= 3; floor++) {
				for (int r = 1; r <= 4; r++) {
					rooms.add(new Object[] { site, String.valueOf(floor * 100 + r), floor });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO quarantine_room (site_id, room_number, floor_no) VALUES (?, ?, ?)", rooms);
		List<Object[]> beds = new ArrayList<>();
		jdbc.query("SELECT id, site_id FROM quarantine_room ORDER BY id", rs -> {
			beds.add(new Object[] { rs.getLong(2), rs.getLong(1), "1" });
			beds.add(new Object[] { rs.getLong(2), rs.getLong(1), "2" });
		});
		jdbc.batchUpdate("INSERT INTO quarantine_bed (site_id, room_id, label) VALUES (?, ?, ?)", beds);
		return jdbc.queryForList("SELECT id FROM quarantine_bed ORDER BY id", Long.class);
	}

	private static int[] contactTypes() {
		return new int[] { Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER,
				Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE };
	}
}
