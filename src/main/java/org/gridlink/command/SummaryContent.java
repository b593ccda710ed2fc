package org.gridlink.command;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.gridlink.cases.CaseDayCounts;
import org.gridlink.notices.ChannelKind;
import org.gridlink.notices.NoticeFacts;

/**
 * What a daily summary shows of one place (the district, or a street or community for its own staff) and one day:
 * the command view and its 30-day trend, then the sections the other modules feed (alerts, notices, concerns,
 * supervision hand-offs, daily reports) and the map's grids. Figures only; no person.
 */
record SummaryContent(LocalDate day, CommandView view, CommandCenter.Trend trend, Alerts alerts, NoticesSent notices,
		Concerns concerns, HandOffs handOffs, Reports reports, MapData map) {

	/** The alerts of quarantine monitoring raised that day and what became of them (as they stand when written). */
	record Alerts(long raised, long noCase, long caseOpen, long caseClosed, long caseEnded, List<AlertLine> lines) {
	}

	/** One alert: where, when (district time), and its outcome ({@code command.summary.alert.<outcome>}). */
	record AlertLine(long id, String place, String at, String outcome) {
	}

	/** Messages of notices sent that day, per channel and per notice. */
	record NoticesSent(long total, Map<ChannelKind, Long> perChannel, List<NoticeFacts.Sent> perNotice) {
	}

	/** The concerns (cases) reported that day by theme and by channel, answered that day, still open of the day. */
	record Concerns(long reported, List<CaseDayCounts.Count> byTheme, List<CaseDayCounts.Count> byChannel, long answered,
			long openOfTheDay) {
	}

	/** Supervision hand-offs: opened and closed (rectified) that day, open and overdue at its end; per place below. */
	record HandOffs(long opened, long closed, long open, long overdue, List<PlaceCounts> perPlace) {
	}

	/** One place below the summary's place with its hand-off counts. */
	record PlaceCounts(String code, String name, long opened, long closed, long open, long overdue) {
	}

	/** The daily reports of the day: per active form the places that handed in, the places expected, the late. */
	record Reports(List<FormLine> forms) {
	}

	record FormLine(String form, long handedIn, long expected, long late) {
	}

	/** The grids of the place with their open cases at the end of the day (rings of lng/lat pairs). */
	record MapData(List<Shape> grids) {
	}

	record Shape(String code, String name, long open, List<List<double[]>> rings) {
	}
}
