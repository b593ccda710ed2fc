package org.gridlink.housing.construction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.cases.PhotoCheck;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.housing.construction.ConstructionViews.Report;
import org.gridlink.housing.construction.ConstructionViews.ReportInput;
import org.gridlink.housing.construction.ConstructionViews.SavedReport;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily progress reports of a site from the site manager's phone (percent, workers on site, a note, photos, a
 * milestone reached): once per client id, so a phone that resends after a lost answer never reports twice. Photos
 * pass the platform's photo check (content, size) and lose their metadata.
 */
@Service
public class SiteReports {

	static final int MAX_PHOTOS = 3;
	static final int MAX_WORKERS = 2000;
	private static final Pattern DATA_URL = Pattern.compile("data:image/(?:jpeg|png|webp);base64,([A-Za-z0-9+/=\\s]+)");
	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private final JdbcClient jdbc;
	private final ConstructionAccess access;
	private final Schedules schedules;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	SiteReports(JdbcClient jdbc, ConstructionAccess access, Schedules schedules, AuditTrail audit,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.schedules = schedules;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	static String clientId(@Nullable String id) {
		if (id == null || !CLIENT_ID.matcher(id.strip()).matches()) {
			throw new InvalidInputException("construction.client.invalid");
		}
		return id.strip();
	}

	public SavedReport report(CurrentUser user, long siteId, ReportInput input) {
		Site s = access.site(user, siteId);
		ConstructionAccess.require(access.reportsOn(user, s));
		String clientId = clientId(input.clientId());
		SavedReport earlier = earlier(clientId, siteId);
		if (earlier != null) {
			return earlier;
		}
		LocalDate today = schedules.today();
		LocalDate day = input.day() == null ? today : input.day();
		if (day.isAfter(today) || day.isBefore(today.minusDays(7))) {
			throw new InvalidInputException("construction.report.day.invalid");
		}
		Integer building = Schedules.buildingOrSite(s, input.building());
		if (input.percent() == null || input.percent() < 0 || input.percent() > 100) {
			throw new InvalidInputException("construction.percent.invalid");
		}
		if (input.workers() == null || input.workers() < 0 || input.workers() > MAX_WORKERS) {
			throw new InvalidInputException("construction.workers.invalid", MAX_WORKERS);
		}
		String note = input.note() == null ? null : input.note().strip();
		if (note != null && note.length() > 1000) {
			throw new InvalidInputException("construction.note.invalid", 1000);
		}
		MilestoneKind reached = input.reached() == null || input.reached().isBlank() ? null
				: Schedules.kind(input.reached());
		if (reached != null && building == null) {
			throw new InvalidInputException("construction.building.invalid", "");
		}
		List<PhotoCheck.CheckedPhoto> photos = photos(input.photos());
		try {
			return transactions.execute(tx -> {
				GeneratedKeyHolder key = new GeneratedKeyHolder();
				jdbc.sql("INSERT INTO housing_daily_report (site_id, building, report_day, percent, workers, note, client_id,"
						+ " reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
						.params(siteId, building, day, input.percent(), input.workers(), note == null || note.isEmpty() ? null
								: note, clientId, user.username(), OffsetDateTime.now(clock))
						.update(key, "id");
				long id = key.getKeyAs(Number.class).longValue();
				List<Long> photoIds = new ArrayList<>();
				for (PhotoCheck.CheckedPhoto p : photos) {
					GeneratedKeyHolder pk = new GeneratedKeyHolder();
					jdbc.sql("INSERT INTO housing_progress_photo (report_id, content_type, data) VALUES (?, ?, ?)")
							.params(id, p.contentType(), p.bytes()).update(pk, "id");
					photoIds.add(pk.getKeyAs(Number.class).longValue());
				}
				if (reached != null) {
					schedules.reached(user.username(), siteId, building, reached, null, day);
				}
				audit.record("HOUSING_DAILY_REPORT", "housing_site", String.valueOf(siteId), AuditTrail.SUCCESS,
						"report " + id + (reached == null ? "" : " reached " + reached));
				return new SavedReport(id, photoIds, true);
			});
		}
		catch (DuplicateKeyException ex) {
			SavedReport first = earlier(clientId, siteId);
			if (first == null) {
				throw ex;
			}
			return first;
		}
	}

	private @Nullable SavedReport earlier(String clientId, long siteId) {
		return jdbc.sql("SELECT id, site_id FROM housing_daily_report WHERE client_id = ?").param(clientId)
				.query((rs, i) -> {
					if (rs.getLong(2) != siteId) {
						throw new InvalidInputException("construction.client.invalid");
					}
					return new SavedReport(rs.getLong(1), photoIds(rs.getLong(1)), false);
				}).optional().orElse(null);
	}

	private List<Long> photoIds(long reportId) {
		return jdbc.sql("SELECT id FROM housing_progress_photo WHERE report_id = ? ORDER BY id").param(reportId)
				.query(Long.class).list();
	}

	static List<PhotoCheck.CheckedPhoto> photos(@Nullable List<String> urls) {
		if (urls == null || urls.isEmpty()) {
			return List.of();
		}
		if (urls.size() > MAX_PHOTOS) {
			throw new InvalidInputException("construction.photo.count", MAX_PHOTOS);
		}
		List<PhotoCheck.CheckedPhoto> out = new ArrayList<>();
		for (String url : urls) {
			Matcher m = url == null ? null : DATA_URL.matcher(url.strip());
			if (m == null || !m.matches()) {
				throw new InvalidInputException("construction.photo.invalid");
			}
			byte[] data;
			try {
				data = Base64.getMimeDecoder().decode(m.group(1));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("construction.photo.invalid");
			}
			out.add(PhotoCheck.check(data));
		}
		return out;
	}

	/** The site's reports, newest first (at most 60). */
	public List<Report> reports(CurrentUser user, long siteId) {
		access.site(user, siteId);
		List<Report> rows = jdbc.sql("SELECT id, site_id, building, report_day, percent, workers, note, reported_by"
				+ " FROM housing_daily_report WHERE site_id = ? ORDER BY report_day DESC, id DESC LIMIT 60").param(siteId)
				.query((rs, i) -> new Report(rs.getLong(1), rs.getLong(2), rs.getObject(3, Integer.class),
						rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8),
						List.of()))
				.list();
		return rows.stream().map(r -> new Report(r.id(), r.siteId(), r.building(), r.day(), r.percent(), r.workers(),
				r.note(), r.reportedBy(), photoIds(r.id()))).toList();
	}

	public record Photo(String contentType, byte[] data) {
	}

	/** A progress photo: public (the board shows them), metadata stripped on upload. */
	public Photo photo(long id) {
		return jdbc.sql("SELECT content_type, data FROM housing_progress_photo WHERE id = ?").param(id)
				.query((rs, i) -> new Photo(rs.getString(1), rs.getBytes(2))).optional()
				.orElseThrow(() -> new NotFoundException("construction.photo.not.found", String.valueOf(id)));
	}

	/** The project's latest photos: id, day and site name (public). */
	public List<java.util.Map<String, Object>> recentPhotos(long projectId, int limit) {
		return jdbc.sql("SELECT ph.id, r.report_day, s.name FROM housing_progress_photo ph JOIN housing_daily_report r ON"
				+ " r.id = ph.report_id JOIN housing_site s ON s.id = r.site_id WHERE s.project_id = ?"
				+ " ORDER BY r.report_day DESC, ph.id DESC LIMIT " + limit).param(projectId)
				.query((rs, i) -> java.util.Map.<String, Object>of("id", rs.getLong(1), "day",
						rs.getObject(2, LocalDate.class), "site", rs.getString(3),
						"url", "/api/v1/public/housing-photos/" + rs.getLong(1)))
				.list();
	}
}
