package org.gridlink.housing.choice;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.gridlink.housing.MilestoneFacts;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's choice and agreements, after the demo project ({@code @Order(85)}) with its eligibility and the construction ({@code @Order(86)}): four unit types
 * with a public floor-plan drawing each; then, when households are on the final list, their choices (about one in
 * twelve deferred), one lot drawing over all who chose (fixed seed, three witnesses), agreements drafted for all and
 * signed by about six in seven, and the tranches of the milestones the construction part reports reached paid three
 * days later. When no household is on the final list yet, only the unit types are loaded (and that is logged). One
 * transaction of batch inserts; loaded only when the project has no unit type yet.
 */
@DemoData
@Order(87)
class DemoChoiceLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoChoiceLoader.class);
	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");
	static final long SEED = 20_261_206L;
	static final String WITNESSES = "王建国、李秀英、赵德明";

	/** name, floor area, price fen, subsidy fen. */
	private static final Object[][] TYPES = { { "A型（一层）", new BigDecimal("98.50"), 38_000_000L, 20_000_000L },
			{ "B型（二层）", new BigDecimal("121.80"), 45_000_000L, 22_000_000L },
			{ "C型（二层带院）", new BigDecimal("139.60"), 52_000_000L, 24_000_000L },
			{ "D型（三层）", new BigDecimal("158.20"), 59_000_000L, 26_000_000L } };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ObjectProvider<MilestoneFacts> milestones;
	private final Clock clock;

	DemoChoiceLoader(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectProvider<MilestoneFacts> milestones,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.milestones = milestones;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Long projectId = jdbc.queryForObject("SELECT MIN(id) FROM housing_project", Long.class);
		if (projectId == null) {
			return;
		}
		Long types = jdbc.queryForObject("SELECT COUNT(*) FROM housing_unit_type WHERE project_id = ?", Long.class,
				projectId);
		if (types != null && types > 0) {
			return;
		}
		String outcome = transactions.execute(tx -> load(projectId));
		LOG.info("Demo housing choice: {} in {} ms", outcome, (System.nanoTime() - started) / 1_000_000);
	}

	String load(long projectId) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Timestamp at = Timestamp.from(now.toInstant());
		List<Object[]> typeRows = new ArrayList<>();
		for (Object[] t : TYPES) {
			typeRows.add(new Object[] { projectId, t[0], t[1], t[2], t[3], at });
		}
		jdbc.batchUpdate("INSERT INTO housing_unit_type (project_id, name, floor_area, price_fen, subsidy_fen, created_at, "
				+ "created_by) VALUES (?, ?, ?, ?, ?, ?, 'demo')", typeRows);
		List<Long> typeIds = jdbc.queryForList("SELECT id FROM housing_unit_type WHERE project_id = ? ORDER BY id",
				Long.class, projectId);
		List<Object[]> drawings = new ArrayList<>();
		for (int i = 0; i < typeIds.size(); i++) {
			byte[] plan = floorPlan("Type " + (char) ('A' + i) + " floor plan", i);
			drawings.add(new Object[] { typeIds.get(i), TYPES[i][0] + "平面图", UploadedFiles.PDF, plan, plan.length, at });
		}
		jdbc.batchUpdate("INSERT INTO housing_unit_drawing (unit_type_id, title, content_type, content, size, public_file, "
				+ "created_at, created_by) VALUES (?, ?, ?, ?, ?, TRUE, ?, 'demo')", drawings);

		record Household(long id, String village) {
		}
		List<Household> onList = jdbc.query("SELECT id, village_code FROM housing_household WHERE project_id = ? AND "
				+ "eligible = TRUE AND list_final = TRUE ORDER BY CASE WHEN priority_rank IS NULL THEN 1 ELSE 0 END, "
				+ "priority_rank, id", (rs, i) -> new Household(rs.getLong(1), rs.getString(2)), projectId);
		if (onList.isEmpty()) {
			LOG.info("Demo housing choice: no household is on the final list yet; only the unit types were loaded");
			return "4 unit types, no household on the final list";
		}
		List<Object[]> choices = new ArrayList<>();
		List<Long> chosen = new ArrayList<>();
		int[] weights = { 0, 1, 1, 2, 2, 2, 3, 1, 0, 2, 1 };
		for (int i = 0; i < onList.size(); i++) {
			Household h = onList.get(i);
			boolean deferred = i % 12 == 11;
			Long type = deferred ? null : typeIds.get(weights[(int) (h.id() % weights.length)]);
			choices.add(new Object[] { h.id(), projectId, type, deferred, at });
			if (!deferred) {
				chosen.add(h.id());
			}
		}
		jdbc.batchUpdate("INSERT INTO housing_choice (household_id, project_id, unit_type_id, deferred, chosen_at, "
				+ "chosen_by) VALUES (?, ?, ?, ?, ?, 'demo')", choices);
		jdbc.batchUpdate("INSERT INTO housing_choice_history (household_id, unit_type_id, deferred, chosen_at, chosen_by) "
				+ "VALUES (?, ?, ?, ?, 'demo')",
				choices.stream().map(c -> new Object[] { c[0], c[2], c[3], c[4] }).toList());

		List<Long> order = PlotAllocation.lotOrder(chosen, SEED);
		List<PlotAllocation.Plot> plots = PlotAllocation.plots(jdbc.query(
				"SELECT id, buildings, plots FROM housing_site WHERE project_id = ? ORDER BY id",
				(rs, i) -> new PlotAllocation.Site(rs.getLong(1), rs.getInt(2), rs.getInt(3)), projectId));
		Map<Long, PlotAllocation.Plot> assigned = PlotAllocation.assign(order, plots, java.util.Set.of());
		jdbc.update("INSERT INTO housing_allocation_round (project_id, method, seed, witnesses, drawn_order, allocated, "
				+ "created_at, created_by) VALUES (?, 'LOT', ?, ?, ?, ?, ?, 'demo')", projectId, SEED, WITNESSES,
				String.join(",", order.stream().map(String::valueOf).toList()), assigned.size(), at);
		long roundId = jdbc.queryForObject("SELECT MAX(id) FROM housing_allocation_round WHERE project_id = ?",
				Long.class, projectId);
		List<Object[]> allocations = new ArrayList<>();
		assigned.forEach((h, p) -> allocations.add(new Object[] { h, projectId, p.siteId(), p.building(), p.number(),
				roundId }));
		jdbc.batchUpdate("INSERT INTO housing_allocation (household_id, project_id, site_id, building, plot, round_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", allocations);

		// agreements: all drafted with the chosen type's figures, about six in seven signed with a scan
		Map<Long, Long> typeOf = new java.util.HashMap<>();
		choices.forEach(c -> {
			if (c[2] != null) {
				typeOf.put((Long) c[0], (Long) c[2]);
			}
		});
		LocalDate today = LocalDate.now(clock.withZone(DISTRICT_ZONE));
		byte[] scan = floorPlan("Signed agreement (demo scan)", 0);
		List<Object[]> agreements = new ArrayList<>();
		int n = 0;
		for (Map.Entry<Long, PlotAllocation.Plot> e : assigned.entrySet()) {
			long household = e.getKey();
			int t = typeIds.indexOf(typeOf.get(household));
			long price = (Long) TYPES[t][2];
			long subsidy = (Long) TYPES[t][3];
			boolean signed = n++ % 7 != 6;
			PlotAllocation.Plot p = e.getValue();
			agreements.add(new Object[] { household, projectId, Agreements.number(projectId, household), typeIds.get(t),
					TYPES[t][0], TYPES[t][1], price, subsidy, price - subsidy, p.siteId(), p.building(), p.number(),
					signed ? Agreements.SIGNED : Agreements.DRAFTED, Timestamp.from(now.minusDays(60).toInstant()),
					signed ? today.minusDays(50 + n % 9) : null, signed ? "demo" : null,
					signed ? UploadedFiles.PDF : null, signed ? scan : null, signed ? scan.length : null });
		}
		jdbc.batchUpdate("INSERT INTO housing_agreement (household_id, project_id, number, unit_type_id, unit_type, "
				+ "floor_area, price_fen, subsidy_fen, share_fen, site_id, building, plot, state, drafted_at, drafted_by, "
				+ "signed_on, signed_by, scan_type, scan, scan_size) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?, ?)", agreements);

		int paid = payReached(projectId, today, at);
		return typeIds.size() + " unit types, " + choices.size() + " choices, " + assigned.size() + " plots, "
				+ agreements.size() + " agreements, " + paid + " tranches paid";
	}

	/** Pays the tranches of the milestones reached (none without the construction part). */
	private int payReached(long projectId, LocalDate today, Timestamp at) {
		MilestoneFacts facts = milestones.getIfAvailable();
		if (facts == null) {
			return 0;
		}
		record Signed(long id, long subsidy, long site, int building) {
		}
		List<Signed> signed = jdbc.query("SELECT id, subsidy_fen, site_id, building FROM housing_agreement WHERE "
				+ "project_id = ? AND state = 'SIGNED'", (rs, i) -> new Signed(rs.getLong(1), rs.getLong(2),
						rs.getLong(3), rs.getInt(4)), projectId);
		List<TranchePlan.Step> plan = TranchePlan.DEFAULT;
		Map<String, Optional<LocalDate>> reached = new java.util.HashMap<>();
		List<Object[]> payments = new ArrayList<>();
		for (Signed s : signed) {
			List<Long> amounts = TranchePlan.amounts(s.subsidy(), plan);
			for (int i = 0; i < plan.size(); i++) {
				MilestoneKind kind = plan.get(i).milestone();
				Optional<LocalDate> on = reached.computeIfAbsent(s.site() + "/" + s.building() + "/" + kind,
						k -> facts.reachedOn(s.site(), s.building(), kind));
				if (on.isPresent()) {
					LocalDate day = on.get().plusDays(3).isAfter(today) ? today : on.get().plusDays(3);
					payments.add(new Object[] { s.id(), projectId, kind.name(), amounts.get(i), day,
							"BZ" + day.toString().replace("-", "") + "-" + s.id(), at });
				}
			}
		}
		jdbc.batchUpdate("INSERT INTO housing_tranche_payment (agreement_id, project_id, milestone, amount_fen, paid_on, "
				+ "reference, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'demo')", payments);
		return payments.size();
	}

	/**
	 * A one-page PDF with a simple floor plan drawn in lines and a Latin title (the standard Helvetica, nothing
	 * embedded), written directly: no PDF library to warm up at start-up.
	 */
	static byte[] floorPlan(String title, int variant) {
		int w = 420 + variant * 60;
		int x = 80;
		int y = 80;
		int h = 300;
		String safeTitle = title.replaceAll("[^A-Za-z0-9 .,-]", "");
		String content = "3 w " + x + " " + y + " " + w + " " + h + " re S "
				+ (x + w * 45 / 100) + " " + y + " m " + (x + w * 45 / 100) + " " + (y + h) + " l S "
				+ x + " " + (y + h * 55 / 100) + " m " + (x + w * 45 / 100) + " " + (y + h * 55 / 100) + " l S "
				+ (x + w * 45 / 100) + " " + (y + h * 40 / 100) + " m " + (x + w) + " " + (y + h * 40 / 100) + " l S "
				+ "BT /F1 16 Tf 40 540 Td (" + safeTitle + ") Tj ET";
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
						+ "/Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		int[] offsets = new int[objects.length];
		for (int i = 0; i < objects.length; i++) {
			offsets[i] = pdf.length();
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
				.append("\n%%EOF\n");
		return pdf.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
	}
}
