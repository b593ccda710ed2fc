package org.gridlink.notices;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: sends a notice's outbox now, as the notices tests do (the background sender waits a day
 * in tests, {@code gridlink.notices.send-delay}): waits for the outbox to be built, then drains the sender.
 */
public final class NoticeSending {

	private NoticeSending() {
	}

	public static void sendNow(ApplicationContext context, long noticeId) throws Exception {
		context.getBean(OutboxBuilder.class).queue().await(noticeId, 60);
		context.getBean(OutboxSender.class).drain(1000);
	}
}
