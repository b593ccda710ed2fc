package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole permission matrix of {@link CaseAccess}: every role × every action × the case in the user's area or not ×
 * the case's lead unit the user's unit or not × the user its reporter or not, against the table below (written out,
 * not derived from the production rules).
 */
class CaseAccessTest {

	static final long MY_UNIT = 5;

	/**
	 * Per role, two rows of the actions in {@link CaseAction} order: "area" = allowed on a case in the user's area,
	 * "unit" = allowed on a case whose lead unit is the user's unit. Y allowed, . refused. Evaluating as the case's
	 * reporter is allowed to everyone (tested apart).
	 */
	static final String[] TABLE = {
			//                FIL REJ DIS ACC RET FEE VER CLO EVA EXT AEX DEF ADF PAR RES URG VOI MER
			"ADMIN       area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"ADMIN       unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"AUDITOR     area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"AUDITOR     unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"CENTER      area  Y   Y   Y   .   .   .   Y   Y   Y   .   Y   .   Y   Y   Y   Y   Y   Y",
			"CENTER      unit  .   .   .   Y   Y   Y   .   .   .   Y   .   Y   .   .   .   .   .   .",
			"LEADER      area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y   .   .",
			"LEADER      unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"DEPT        area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"DEPT        unit  .   .   .   Y   Y   Y   .   .   .   Y   .   Y   .   .   .   .   .   .",
			"STREET      area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"STREET      unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"COMMUNITY   area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"COMMUNITY   unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"GRID_WORKER area  .   .   .   .   .   .   Y   .   .   .   .   .   .   .   .   .   .   .",
			"GRID_WORKER unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"POLICE      area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"POLICE      unit  .   .   .   Y   Y   Y   .   .   .   Y   .   Y   .   .   .   .   .   .",
			"PROPERTY    area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"PROPERTY    unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"INSPECTOR   area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"INSPECTOR   unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"CHECKPOINT  area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"CHECKPOINT  unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"LIAISON     area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"LIAISON     unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"CADRE       area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"CADRE       unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"VOLUNTEER   area  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"VOLUNTEER   unit  .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"SITE_MANAGER area .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .",
			"SITE_MANAGER unit .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   ." };

	/** Per role: reads the cases of its area, reads its unit's cases (with a unit), reports problems (with a scope). */
	static final String[] READING = {
			//          area unit report
			"ADMIN       .    .    .",
			"AUDITOR     .    .    .",
			"CENTER      Y    Y    Y",
			"LEADER      Y    .    .",
			"DEPT        .    Y    Y",
			"STREET      Y    .    Y",
			"COMMUNITY   Y    .    Y",
			"GRID_WORKER Y    .    Y",
			"POLICE      Y    Y    Y",
			"PROPERTY    Y    .    Y",
			"INSPECTOR   Y    .    Y",
			"CHECKPOINT  .    .    .",
			"LIAISON     .    .    .",
			"CADRE       .    .    .",
			"VOLUNTEER   .    .    .",
			"SITE_MANAGER .   .    ." };

	/**
	 * Per role: which cases located in its area it reads — an urban-management case (E0101), a social-governance
	 * case (S0202), a health alert case of the quarantine module (S0301, source ALERT). Units on a case read it
	 * whatever its class (police: S cases only so).
	 */
	static final String[] AREA_CLASSES = {
			//          urban social alert
			"ADMIN       .    .    .",
			"AUDITOR     .    .    .",
			"CENTER      Y    Y    Y",
			"LEADER      Y    Y    .",
			"DEPT        .    .    .",
			"STREET      Y    Y    .",
			"COMMUNITY   Y    Y    .",
			"GRID_WORKER Y    Y    Y",
			"POLICE      Y    .    .",
			"PROPERTY    Y    .    .",
			"INSPECTOR   Y    Y    .",
			"CHECKPOINT  .    .    .",
			"LIAISON     .    .    .",
			"CADRE       .    .    .",
			"VOLUNTEER   .    .    .",
			"SITE_MANAGER .   .    ." };

	record Row(Role role, List<Boolean> cells) {
	}

	static Map<Role, List<Row>> parse(String[] table) {
		Map<Role, List<Row>> rows = new EnumMap<>(Role.class);
		for (String line : table) {
			String[] cells = line.trim().split("\\s+");
			Role role = Role.valueOf(cells[0]);
			int first = cells[1].equals("area") || cells[1].equals("unit") ? 2 : 1;
			List<Boolean> values = new ArrayList<>();
			for (int i = first; i < cells.length; i++) {
				values.add(cells[i].equals("Y"));
			}
			rows.computeIfAbsent(role, r -> new ArrayList<>()).add(new Row(role, values));
		}
		return rows;
	}

	static CurrentUser user(Role role, @Nullable Long unit) {
		return new CurrentUser(1, "u", "U", Set.of(role), Scope.of(List.of("320802001")), unit);
	}

	static CaseFile lead(@Nullable Long unit, String reporter) {
		return file(unit, reporter, CaseSource.STAFF, "E0101", "320802001001001");
	}

	static CaseFile file(@Nullable Long unit, String reporter, CaseSource source, String category, String place) {
		OffsetDateTime now = OffsetDateTime.now();
		return new CaseFile(1, "320802", "n", CaseStatus.ACCEPTED, source, category, "d", place,
				"", null, null, reporter, "", now, now, now, null, null, unit, 240, now, 0, null, null, null, null, null,
				null, false, false, null, 0, 0, 0, null, null, 0, 0, false);
	}

	@Test
	void everyRoleTimesEveryActionInAreaAndUnit() {
		Map<Role, List<Row>> table = parse(TABLE);
		assertThat(table.keySet()).as("every role is in the table").containsExactlyInAnyOrder(Role.values());
		List<String> wrong = new ArrayList<>();
		for (Role role : Role.values()) {
			List<Boolean> area = table.get(role).get(0).cells();
			List<Boolean> unit = table.get(role).get(1).cells();
			assertThat(area).as(role + " area row").hasSize(CaseAction.values().length);
			assertThat(unit).as(role + " unit row").hasSize(CaseAction.values().length);
			for (CaseAction action : CaseAction.values()) {
				for (boolean inArea : new boolean[] { true, false }) {
					for (Long leadUnit : new Long[] { MY_UNIT, 9L, null }) {
						for (boolean reporter : new boolean[] { true, false }) {
							boolean expected = inArea && area.get(action.ordinal())
									|| MY_UNIT == (leadUnit == null ? -1 : leadUnit) && unit.get(action.ordinal())
									|| reporter && action == CaseAction.EVALUATE;
							boolean actual = CaseAccess.mayTake(user(role, MY_UNIT), action,
									lead(leadUnit, reporter ? "u" : "someone"), inArea);
							if (actual != expected) {
								wrong.add(role + " " + action + " inArea=" + inArea + " lead=" + leadUnit + " reporter="
										+ reporter + ": " + actual);
							}
						}
					}
				}
				// without a unit nobody acts as a unit
				boolean withoutUnit = CaseAccess.mayTake(user(role, null), action, lead(null, "someone"), false);
				if (withoutUnit) {
					wrong.add(role + " " + action + " without a unit, out of area: allowed");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void whoReadsAndWhoReports() {
		Map<Role, List<Row>> table = parse(READING);
		assertThat(table.keySet()).containsExactlyInAnyOrder(Role.values());
		for (Role role : Role.values()) {
			List<Boolean> row = table.get(role).get(0).cells();
			CurrentUser withUnit = user(role, MY_UNIT);
			assertThat(CaseAccess.seesArea(withUnit)).as(role + " area").isEqualTo(row.get(0));
			assertThat(CaseAccess.seesUnit(withUnit)).as(role + " unit").isEqualTo(row.get(1));
			assertThat(CaseAccess.seesUnit(user(role, null))).as(role + " unit without a unit").isFalse();
			assertThat(CaseAccess.canRead(withUnit)).as(role + " reads").isEqualTo(row.get(0) || row.get(1));
			assertThat(CaseAccess.canReport(withUnit)).as(role + " reports").isEqualTo(row.get(2));
			assertThat(CaseAccess.canReport(new CurrentUser(1, "u", "U", Set.of(role), Scope.none(), MY_UNIT)))
					.as(role + " reports without a scope").isFalse();
		}
	}

	@Test
	void whichClassesEachRoleReadsInItsArea() {
		Map<Role, List<Row>> table = parse(AREA_CLASSES);
		assertThat(table.keySet()).containsExactlyInAnyOrder(Role.values());
		for (Role role : Role.values()) {
			List<Boolean> row = table.get(role).get(0).cells();
			CurrentUser user = new CurrentUser(1, "u", "U", Set.of(role), Scope.of(List.of("320802001000")), MY_UNIT);
			String inArea = "320802001001001";
			assertThat(CaseAccess.seesInArea(user, file(null, "x", CaseSource.STAFF, "E0101", inArea)))
					.as(role + " urban").isEqualTo(row.get(0));
			assertThat(CaseAccess.seesInArea(user, file(null, "x", CaseSource.RESIDENT, "S0202", inArea)))
					.as(role + " social").isEqualTo(row.get(1));
			assertThat(CaseAccess.seesInArea(user, file(null, "x", CaseSource.ALERT, "S0301", inArea)))
					.as(role + " health alert").isEqualTo(row.get(2));
			assertThat(CaseAccess.seesInArea(user, file(null, "x", CaseSource.STAFF, "E0101", "320802002001001")))
					.as(role + " urban out of area").isFalse();
		}
	}

	@Test
	void aCaseReopenedByANotSatisfiedRatingIsVerifiedByTheCenterOnly() {
		OffsetDateTime now = OffsetDateTime.now();
		CaseFile review = new CaseFile(1, "320802", "n", CaseStatus.HANDLED, CaseSource.STAFF, "E0101", "d",
				"320802001001001", "", null, null, "someone", "", now, now, now, now, null, 9L, 240, now, 0, now, null,
				null, null, null, null, false, false, null, 0, 0, 0, 1, null, 0, 1, true);
		assertThat(CaseAccess.mayTake(user(Role.GRID_WORKER, null), CaseAction.VERIFY, review, true)).isFalse();
		assertThat(CaseAccess.mayTake(user(Role.CENTER, null), CaseAction.VERIFY, review, true)).isTrue();
		assertThat(CaseAccess.mayTake(user(Role.GRID_WORKER, null), CaseAction.VERIFY, lead(9L, "someone"), true))
				.isTrue();
	}
}
