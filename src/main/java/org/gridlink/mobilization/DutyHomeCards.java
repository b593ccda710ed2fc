package org.gridlink.mobilization;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.mobilization.DutyViews.CadreTaskView;
import org.gridlink.mobilization.DutyViews.MyDuty;
import org.gridlink.mobilization.DutyViews.MyPost;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Home of a posted cadre: the "scan the community code" button, whether today's arrival is recorded in each of their
 * communities, and today's open tasks. Community staff get a button to their community's duty page with how many
 * posted cadres came today.
 */
@Component
class DutyHomeCards implements HomeCards {

	private final CadreDuty duty;
	private final MessageSource messages;

	DutyHomeCards(CadreDuty duty, MessageSource messages) {
		this.duty = duty;
		this.messages = messages;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		var locale = LocaleContextHolder.getLocale();
		if (user.has(Role.CADRE)) {
			cards.add(HomeCard.action("home.duty.scan", "/duty/scan"));
			MyDuty mine = duty.myDuty(user);
			for (MyPost post : mine.posts()) {
				String state = messages.getMessage(post.today() == null ? "duty.state.absent"
						: post.today().leftAt() == null ? "duty.state.arrived" : "duty.state.left", null, locale);
				cards.add(HomeCard.task("home.duty.today", state, "/duty", post.communityName()));
			}
			for (CadreTaskView task : mine.tasks()) {
				if (!task.done()) {
					cards.add(HomeCard.task("home.duty.task",
							messages.getMessage("duty.kind." + task.kind().name(), null, locale), "/duty",
							task.communityName() + (task.details() == null ? "" : " · " + task.details())));
				}
			}
		}
		if (user.has(Role.COMMUNITY)) {
			for (String code : user.scope().codes()) {
				if (JurisdictionCode.isValid(code) && JurisdictionCode.of(code).level() == JurisdictionLevel.COMMUNITY) {
					var board = duty.board(user, code, duty.today());
					cards.add(HomeCard.task("home.duty.present", board.present() + " / " + board.posted().size(),
							"/communities/" + code + "/duty", board.communityName()));
				}
			}
		}
		return cards;
	}
}
