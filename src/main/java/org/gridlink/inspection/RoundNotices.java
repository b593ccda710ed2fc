package org.gridlink.inspection;

import java.util.List;
import java.util.stream.Collectors;

import org.gridlink.notices.NewNotice;
import org.gridlink.notices.NoticeView;
import org.gridlink.notices.Notices;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The notice of a round's results (通报) to the units: written by the center through the notices module's public
 * facade ({@link Notices#create}) to the department staff of the district's places the round covered, by inbox. It
 * names the figures of the round and each unit's rectification; a notice wider than a community waits for another
 * user's approval in the notices module as any notice does.
 */
@Component
public class RoundNotices {

	private final Inspections inspections;
	private final RoundReport reports;
	private final Notices notices;

	RoundNotices(Inspections inspections, RoundReport reports, Notices notices) {
		this.inspections = inspections;
		this.reports = reports;
		this.notices = notices;
	}

	/** The notice written: its id and status name (APPROVED, PENDING_APPROVAL, ...). */
	public record Sent(long noticeId, String status, @Nullable String title) {
	}

	public Sent send(CurrentUser user, long roundId) {
		if (!inspections.canPlan(user) || !notices.canWrite(user)) {
			throw new AccessDeniedException("the center sends the notice of results");
		}
		RoundReport.Figures f = reports.figures(user, roundId);
		String title = "第" + f.round().number() + "轮督查情况通报";
		// the notice's text holds 500 characters: the figures, the last units of the ranking, the link to the report
		List<RoundReport.Line> last = f.units().subList(Math.max(0, f.units().size() - 3), f.units().size());
		String units = last.stream().map(l -> l.rank() + ". " + l.name() + "：交办" + l.handOffs()
				+ "件，已整改" + l.rectified() + "件，逾期" + l.overdue() + "件，整改率" + l.rate() + "%")
				.collect(Collectors.joining("\n"));
		String body = f.round().title() + "（" + f.round().startsOn() + " 至 " + f.round().endsOn() + "）：督查对象"
				+ f.round().targets().size() + "个，交办问题" + f.findings().total() + "件，已整改" + f.findings().rectified()
				+ "件，逾期" + f.findings().overdue() + "件，整改率" + f.rate() + "%。\n整改率靠后的单位：\n" + units
				+ "\n请各责任单位按期整改并在案卷中反馈，由督导组复核。完整通报：/inspection/rounds/" + roundId;
		if (body.length() > 500) {
			body = body.substring(0, 499) + "…";
		}
		String district = f.round().targets().stream().map(InspectionViews.Target::code).filter(c -> c.length() == 12)
				.findFirst().map(c -> c.substring(0, 6) + "000000").orElseThrow();
		NoticeView view = notices.create(user, new NewNotice(title, body,
				new NewNotice.Audience(List.of(district), null, null, null, List.of("DEPT"), null), List.of("INBOX"),
				false, null));
		return new Sent(view.id(), view.status().name(), view.title());
	}
}
