package org.gridlink.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a daily summary as a PDF ({@link SummaryPdf}: A4, Chinese, the font embedded; figures, tables, two charts
 * and a map) and as an Excel workbook ({@link SummaryWorkbook}: one sheet per section). The texts shared by both.
 */
@Component
class SummaryDocuments {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;
	private final SummaryPdf pdf;
	private final SummaryWorkbook workbook;

	SummaryDocuments(MessageSource messages) {
		this.messages = messages;
		this.pdf = new SummaryPdf(this::t);
		this.workbook = new SummaryWorkbook(this::t);
	}

	String t(String key, Object... args) {
		return messages.getMessage(key, args, key, ZH);
	}

	byte[] pdf(SummaryContent c) {
		return pdf.write(c);
	}

	byte[] xlsx(SummaryContent c) {
		return workbook.write(c);
	}

	/** The headline figures with their change: label, value, change. */
	static List<String[]> figureRows(Figures f, Figures change, Function<String, String> t) {
		List<String[]> rows = new ArrayList<>(List.of(
				new String[] { t.apply("command.figure.casesReported"), String.valueOf(f.casesReported()),
						signed(change.casesReported()) },
				new String[] { t.apply("command.figure.casesClosed"), String.valueOf(f.casesClosed()),
						signed(change.casesClosed()) },
				new String[] { t.apply("command.figure.casesOpen"), String.valueOf(f.casesOpen()),
						signed(change.casesOpen()) },
				new String[] { t.apply("command.figure.casesOverdue"), String.valueOf(f.casesOverdue()),
						signed(change.casesOverdue()) },
				new String[] { t.apply("command.figure.onTimeRate"),
						f.onTimeRate() == null ? "—" : f.onTimeRate() + "%",
						change.onTimeRate() == null ? "" : signed(change.onTimeRate()) },
				new String[] { t.apply("command.figure.inQuarantine"), String.valueOf(f.inQuarantine()),
						signed(change.inQuarantine()) }));
		rows.add(new String[] { t.apply("command.summary.screened"),
				f.screened() == null ? "—" : f.screened() + " / " + f.screeningTotal(), signed(change.screened()) });
		rows.add(new String[] { t.apply("command.summary.bedsFree"), orDash(f.bedsFree()), signed(change.bedsFree()) });
		rows.add(new String[] { t.apply("command.summary.passesValid"), orDash(f.passesValid()),
				signed(change.passesValid()) });
		rows.add(new String[] { t.apply("command.summary.scans"), orDash(f.scansToday()), signed(change.scansToday()) });
		rows.add(new String[] { t.apply("command.summary.alertsOpen"), orDash(f.alertsOpen()),
				signed(change.alertsOpen()) });
		return rows;
	}

	private static String orDash(@Nullable Long n) {
		return n == null ? "—" : String.valueOf(n);
	}

	static String signed(@Nullable Number n) {
		if (n == null) {
			return "";
		}
		return (n.doubleValue() > 0 ? "+" : "") + n;
	}

	/** The rows of the new sections, shared by the PDF's tables and the workbook's sheets (header first). */
	static List<String[]> alertRows(SummaryContent.Alerts a, Function<String, String> t) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { t.apply("command.summary.alert.time"), t.apply("command.place"),
				t.apply("command.summary.alert.outcome") });
		for (SummaryContent.AlertLine l : a.lines()) {
			rows.add(new String[] { l.at(), l.place(), t.apply("command.summary.alert." + l.outcome()) });
		}
		return rows;
	}

	static List<String[]> alertTotals(SummaryContent.Alerts a, Function<String, String> t) {
		return List.of(new String[] { t.apply("command.summary.alert.raised"), "" + a.raised() },
				new String[] { t.apply("command.summary.alert.noCase"), "" + a.noCase() },
				new String[] { t.apply("command.summary.alert.caseOpen"), "" + a.caseOpen() },
				new String[] { t.apply("command.summary.alert.caseClosed"), "" + a.caseClosed() },
				new String[] { t.apply("command.summary.alert.caseEnded"), "" + a.caseEnded() });
	}

	static List<String[]> noticeRows(SummaryContent.NoticesSent n, Function<String, String> t) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { t.apply("command.summary.notice.title"), t.apply("command.summary.notice.channel"),
				t.apply("command.summary.notice.count") });
		n.perNotice().forEach(s -> rows.add(new String[] { s.title(), t.apply("notices.channel." + s.channel().name()),
				"" + s.count() }));
		n.perChannel().forEach((channel, count) -> rows.add(new String[] { t.apply("command.summary.notice.all"),
				t.apply("notices.channel." + channel.name()), "" + count }));
		rows.add(new String[] { t.apply("command.summary.notice.all"), t.apply("command.summary.notice.allChannels"),
				"" + n.total() });
		return rows;
	}

	static List<String[]> concernRows(SummaryContent.Concerns c, Function<String, String> t) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { t.apply("command.summary.concern.group"), t.apply("command.summary.concern.name"),
				t.apply("command.summary.notice.count") });
		rows.add(new String[] { t.apply("command.summary.concern.all"), t.apply("command.summary.concern.reported"),
				"" + c.reported() });
		rows.add(new String[] { t.apply("command.summary.concern.all"), t.apply("command.summary.concern.answered"),
				"" + c.answered() });
		rows.add(new String[] { t.apply("command.summary.concern.all"), t.apply("command.summary.concern.stillOpen"),
				"" + c.openOfTheDay() });
		c.byTheme().forEach(x -> rows.add(new String[] { t.apply("command.summary.concern.theme"), x.name(),
				"" + x.count() }));
		c.byChannel().forEach(x -> rows.add(new String[] { t.apply("command.summary.concern.channel"),
				t.apply("cases.source." + x.code()), "" + x.count() }));
		return rows;
	}

	static List<String[]> handOffRows(SummaryContent.HandOffs h, String placeName, Function<String, String> t) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { t.apply("command.place"), t.apply("command.summary.handoff.opened"),
				t.apply("command.summary.handoff.closed"), t.apply("command.summary.handoff.open"),
				t.apply("command.summary.handoff.overdue") });
		h.perPlace().forEach(p -> rows.add(new String[] { p.name(), "" + p.opened(), "" + p.closed(), "" + p.open(),
				"" + p.overdue() }));
		rows.add(new String[] { placeName, "" + h.opened(), "" + h.closed(), "" + h.open(), "" + h.overdue() });
		return rows;
	}

	static List<String[]> reportRows(SummaryContent.Reports r, Function<String, String> t) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { t.apply("command.summary.report.form"), t.apply("command.summary.report.handedIn"),
				t.apply("command.summary.report.expected"), t.apply("command.summary.report.late") });
		r.forms().forEach(f -> rows.add(new String[] { f.form(), "" + f.handedIn(), "" + f.expected(), "" + f.late() }));
		return rows;
	}
}
