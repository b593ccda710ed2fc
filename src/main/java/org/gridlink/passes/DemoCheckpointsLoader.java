package org.gridlink.passes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.CompoundRow;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo district's checkpoints, loaded once into an empty table: a road checkpoint and a compound gate in
 * 320819001002 (where checkpoint1 works, on duty there for two weeks from the first start) and a road checkpoint in
 * 320819001001 (police1 and a volunteer by day). Only in demo mode ({@link DemoData}).
 */
@DemoData
@Order(40)
class DemoCheckpointsLoader implements ApplicationRunner {

	static final String COMMUNITY1 = "320819001001";
	static final String COMMUNITY2 = "320819001002";

	private final JdbcClient jdbc;
	private final Organization organization;
	private final Jurisdictions jurisdictions;
	private final Accounts accounts;
	private final PersonalDataCipher cipher;
	private final Clock clock;
	private final ZoneId zone;

	DemoCheckpointsLoader(JdbcClient jdbc, Organization organization, Jurisdictions jurisdictions, Accounts accounts,
			PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.jurisdictions = jurisdictions;
		this.accounts = accounts;
		this.cipher = cipher;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	@Override
	@org.springframework.transaction.annotation.Transactional // a stopped start leaves no checkpoint without shifts
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM checkpoint").query(Long.class).single() > 0
				|| jurisdictions.find(COMMUNITY2).isEmpty()) {
			return;
		}
		long road2 = checkpoint("金桥路卡口", CheckpointKind.ROAD, COMMUNITY2, null);
		List<CompoundRow> compounds = organization.compoundsUnder(COMMUNITY2);
		Long gate = compounds.isEmpty() ? null
				: checkpoint(compounds.get(0).name() + "东门", CheckpointKind.GATE, compounds.get(0).gridCode(),
						compounds.get(0));
		long road1 = checkpoint("滨江路卡口", CheckpointKind.ROAD, COMMUNITY1, null);
		LocalDate today = LocalDate.now(clock);
		for (int day = 0; day < 14; day++) {
			LocalDate date = today.plusDays(day);
			OffsetDateTime midnight = date.atStartOfDay(zone).toOffsetDateTime();
			shift(road2, "CHECKPOINT", "checkpoint1", "郭勇", null, midnight, midnight.plusDays(1));
			if (gate != null) {
				shift(gate, "CHECKPOINT", "checkpoint1", "郭勇", null, midnight, midnight.plusDays(1));
				shift(gate, "VOLUNTEER", null, "王建国", "13800138000", midnight.plusHours(8),
						midnight.plusHours(20));
			}
			shift(road1, "POLICE", "police1", null, null, midnight.plusHours(8), midnight.plusHours(20));
			shift(road1, "VOLUNTEER", null, "李秀英", "13900139000", midnight.plusHours(8), midnight.plusHours(20));
		}
	}

	private long checkpoint(String name, CheckpointKind kind, String code, CompoundRow compound) {
		jdbc.sql("""
				INSERT INTO checkpoint (name, kind, jurisdiction_code, district_code, compound_id, compound_name, active,
				created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, 'demo', ?)""")
				.params(name, kind.name(), code, code.substring(0, 6), compound == null ? null : compound.id(),
						compound == null ? null : compound.name(), clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		return jdbc.sql("SELECT MAX(id) FROM checkpoint WHERE name = ?").param(name).query(Long.class).single();
	}

	private void shift(long checkpoint, String duty, String username, String name, String phone,
			OffsetDateTime from, OffsetDateTime to) {
		String person = name;
		if (username != null && name == null) {
			person = accounts.find(username).map(AccountView::displayName).orElse(username);
		}
		boolean volunteer = "VOLUNTEER".equals(duty);
		jdbc.sql("""
				INSERT INTO checkpoint_shift (checkpoint_id, duty, username, person_sealed, person_masked, phone_sealed,
				phone_masked, starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)""")
				.params(checkpoint, duty, username, volunteer ? cipher.encrypt(name) : null,
						volunteer ? Masked.name(name) : person, volunteer ? cipher.encrypt(phone) : null,
						volunteer ? Masked.phone(phone) : null, from.withOffsetSameInstant(ZoneOffset.UTC),
						to.withOffsetSameInstant(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC))
				.update();
	}
}
