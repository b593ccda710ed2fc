package org.gridlink.command;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridlink.answers.DailyDigest;
import org.gridlink.answers.DailyDigests;
import org.gridlink.cases.CaseFacts;
import org.gridlink.dailyreport.DailyReports;
import org.gridlink.dailyreport.ReportForm;
import org.gridlink.dailyreport.Rollup;
import org.gridlink.inspection.InspectionViews;
import org.gridlink.inspection.Inspections;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.notices.ChannelKind;
import org.gridlink.notices.NoticeFacts;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.shared.JurisdictionCode;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers a summary's content for one place and day from the modules' public APIs only: the read model's view and
 * trend ({@link CommandCenter}), quarantine alerts ({@code QuarantineFacts}) with their cases ({@link CaseFacts}),
 * notices sent ({@link NoticeFacts}), concerns by theme ({@link DailyDigests}), supervision hand-offs
 * ({@link Inspections}), daily reports ({@link DailyReports}) and the grids' boundaries ({@link Jurisdictions}). It
 * reads as a system reader scoped to the place, so a street's summary holds nothing of another street.
 */
@Component
class SummarySections {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SummarySections.class);
	static final int MAX_ALERT_LINES = 200;
	private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

	private final CommandCenter center;
	private final ReadModel model;
	private final Jurisdictions jurisdictions;
	private final org.gridlink.quarantine.QuarantineFacts quarantine;
	private final CaseFacts cases;
	private final NoticeFacts notices;
	private final DailyDigests digests;
	private final Inspections inspections;
	private final DailyReports reports;
	private final JsonMapper json = JsonMapper.builder().build();

	SummarySections(CommandCenter center, ReadModel model, Jurisdictions jurisdictions,
			org.gridlink.quarantine.QuarantineFacts quarantine, CaseFacts cases, NoticeFacts notices,
			DailyDigests digests, Inspections inspections, DailyReports reports) {
		this.center = center;
		this.model = model;
		this.jurisdictions = jurisdictions;
		this.quarantine = quarantine;
		this.cases = cases;
		this.notices = notices;
		this.digests = digests;
		this.inspections = inspections;
		this.reports = reports;
	}

	/** A reader of everything under {@code code} and nothing else. */
	static CurrentUser reader(String code) {
		return new CurrentUser(0, "system", "GridLink", Set.of(Role.CENTER, Role.LEADER), Scope.of(Set.of(code)), null);
	}

	SummaryContent content(String code, LocalDate day) {
		CurrentUser system = reader(code);
		CommandView view = center.figures(system, code, day);
		OffsetDateTime from = day.atStartOfDay(model.zone).toOffsetDateTime();
		OffsetDateTime to = day.plusDays(1).atStartOfDay(model.zone).toOffsetDateTime();
		long[] ms = new long[8];
		long t0 = System.nanoTime();
		var trend = center.trend(system, code, day);
		ms[0] = lap(t0);
		var alerts = alerts(code, from, to);
		ms[1] = lap(t0);
		var sent = notices(code, from, to);
		ms[2] = lap(t0);
		var concerns = concerns(system, day);
		ms[3] = lap(t0);
		var handOffs = handOffs(system, view, day, from, to);
		ms[4] = lap(t0);
		var forms = reports(system, code, day);
		ms[5] = lap(t0);
		var grids = map(system, code, day);
		ms[6] = lap(t0);
		log.info("Summary content of {} for {}: trend {} ms, alerts {}, notices {}, concerns {}, hand-offs {}, reports {},"
				+ " map {} (cumulative)", day, code, ms[0], ms[1], ms[2], ms[3], ms[4], ms[5], ms[6]);
		return new SummaryContent(day, view, trend, alerts, sent, concerns, handOffs, forms, grids);
	}

	private static long lap(long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	SummaryContent.Alerts alerts(String code, OffsetDateTime from, OffsetDateTime to) {
		String prefix = JurisdictionCode.of(code).prefix();
		List<org.gridlink.quarantine.QuarantineFacts.AlertFact> ofTheDay = new ArrayList<>();
		quarantine.forEachAlert(a -> {
			if (a.gridCode().startsWith(prefix) && !a.raisedAt().isBefore(from) && a.raisedAt().isBefore(to)) {
				ofTheDay.add(a);
			}
		});
		Map<String, String> names = jurisdictions.names(ofTheDay.stream().map(a -> a.gridCode()).distinct().toList());
		long noCase = 0, open = 0, closed = 0, ended = 0;
		List<SummaryContent.AlertLine> lines = new ArrayList<>();
		for (var a : ofTheDay) {
			String outcome;
			var fact = a.caseId() == null ? java.util.Optional.<CaseFacts.CaseFact>empty() : cases.find(a.caseId());
			if (fact.isEmpty()) {
				outcome = "noCase";
				noCase++;
			}
			else if (fact.get().open()) {
				outcome = "caseOpen";
				open++;
			}
			else if (fact.get().closedAt() != null) {
				outcome = "caseClosed";
				closed++;
			}
			else {
				outcome = "caseEnded";
				ended++;
			}
			if (lines.size() < MAX_ALERT_LINES) {
				lines.add(new SummaryContent.AlertLine(a.id(), names.getOrDefault(a.gridCode(), a.gridCode()),
						a.raisedAt().atZoneSameInstant(model.zone).format(HHMM), outcome));
			}
		}
		return new SummaryContent.Alerts(ofTheDay.size(), noCase, open, closed, ended, lines);
	}

	SummaryContent.NoticesSent notices(String code, OffsetDateTime from, OffsetDateTime to) {
		List<NoticeFacts.Sent> sent = notices.sentBetween(code, from, to);
		Map<ChannelKind, Long> perChannel = new EnumMap<>(ChannelKind.class);
		long total = 0;
		for (NoticeFacts.Sent s : sent) {
			perChannel.merge(s.channel(), s.count(), Long::sum);
			total += s.count();
		}
		return new SummaryContent.NoticesSent(total, perChannel, sent);
	}

	SummaryContent.Concerns concerns(CurrentUser system, LocalDate day) {
		DailyDigest d = digests.of(system, day);
		return new SummaryContent.Concerns(d.concerns(), d.byTheme(), d.byChannel(), d.answered(), d.openOfTheDay());
	}

	SummaryContent.HandOffs handOffs(CurrentUser system, CommandView view, LocalDate day, OffsetDateTime from,
			OffsetDateTime to) {
		List<InspectionViews.HandOff> all = inspections.canRead(system)
				? inspections.handOffs(system, null, null, PageRequest.of(0, 10_000)).getContent()
				: List.of();
		List<SummaryContent.PlaceCounts> perPlace = new ArrayList<>();
		long[] total = new long[4];
		Map<String, long[]> byChild = new java.util.LinkedHashMap<>();
		view.children().forEach(c -> byChild.put(c.code(), new long[4]));
		for (InspectionViews.HandOff h : all) {
			long[] v = counts(h, day, from, to);
			for (int i = 0; i < 4; i++) {
				total[i] += v[i];
			}
			for (CommandView.Child c : view.children()) {
				if (h.communityCode().startsWith(JurisdictionCode.of(c.code()).prefix())) {
					long[] sum = byChild.get(c.code());
					for (int i = 0; i < 4; i++) {
						sum[i] += v[i];
					}
				}
			}
		}
		for (CommandView.Child c : view.children()) {
			long[] v = byChild.get(c.code());
			perPlace.add(new SummaryContent.PlaceCounts(c.code(), c.name(), v[0], v[1], v[2], v[3]));
		}
		return new SummaryContent.HandOffs(total[0], total[1], total[2], total[3], perPlace);
	}

	/**
	 * One hand-off's counts for the day: opened that day, closed (rectified) that day, open at the day's end, overdue
	 * at the day's end (open and its deadline passed, the deadline day included). A cancelled one counts as opened only.
	 */
	static long[] counts(InspectionViews.HandOff h, LocalDate day, OffsetDateTime from, OffsetDateTime to) {
		long[] v = new long[4];
		boolean existed = h.createdAt().isBefore(to);
		v[0] = existed && !h.createdAt().isBefore(from) ? 1 : 0;
		OffsetDateTime rectified = h.rectifiedAt();
		v[1] = rectified != null && "RECTIFIED".equals(h.state()) && !rectified.isBefore(from) && rectified.isBefore(to)
				? 1 : 0;
		boolean openAtEnd = existed && !"CANCELLED".equals(h.state())
				&& (rectified == null || !rectified.isBefore(to) || !"RECTIFIED".equals(h.state()));
		v[2] = openAtEnd ? 1 : 0;
		v[3] = openAtEnd && !h.deadline().isAfter(day) ? 1 : 0;
		return v;
	}

	SummaryContent.Reports reports(CurrentUser system, String code, LocalDate day) {
		List<SummaryContent.FormLine> lines = new ArrayList<>();
		if (!reports.canRead(system)) {
			return new SummaryContent.Reports(lines);
		}
		for (ReportForm form : reports.activeForms(system)) {
			if (form.createdAt().atZoneSameInstant(model.zone).toLocalDate().isAfter(day)) {
				continue;
			}
			Rollup r = reports.rollup(system, form.id(), day, code);
			long handed = r.places().stream().filter(p -> p.state().handedIn()).count();
			lines.add(new SummaryContent.FormLine(form.name(), handed, r.places().size(), r.late()));
		}
		return new SummaryContent.Reports(lines);
	}

	SummaryContent.MapData map(CurrentUser system, String code, LocalDate day) {
		JsonNode collection = json.readTree(jurisdictions.gridsGeoJson(system, code));
		List<SummaryContent.Shape> shapes = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			codes.add(feature.path("properties").path("code").asString());
		}
		Map<String, Figures[]> figures = codes.isEmpty() ? Map.of() : center.figures(codes, day);
		for (JsonNode feature : collection.path("features")) {
			String grid = feature.path("properties").path("code").asString();
			JsonNode geometry = feature.path("geometry");
			List<List<double[]>> rings = new ArrayList<>();
			String type = geometry.path("type").asString("");
			if (type.equals("Polygon")) {
				polygon(geometry.path("coordinates"), rings);
			}
			else if (type.equals("MultiPolygon")) {
				for (JsonNode p : geometry.path("coordinates")) {
					polygon(p, rings);
				}
			}
			if (!rings.isEmpty()) {
				Figures[] f = figures.get(grid);
				shapes.add(new SummaryContent.Shape(grid, feature.path("properties").path("name").asString(""),
						f == null ? 0 : f[0].casesOpen(), rings));
			}
		}
		return new SummaryContent.MapData(shapes);
	}

	private static void polygon(JsonNode coordinates, List<List<double[]>> rings) {
		for (JsonNode ring : coordinates) {
			List<double[]> points = new ArrayList<>();
			for (JsonNode p : ring) {
				points.add(new double[] { p.get(0).asDouble(), p.get(1).asDouble() });
			}
			if (points.size() >= 3) {
				rings.add(points);
			}
		}
	}
}
