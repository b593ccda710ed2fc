package org.gridlink.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the listeners of module events whose publication is still incomplete (the listener failed, or the
 * instance died while it ran) once it is older than {@code gridlink.events.resubmit-older-than}, every
 * {@code gridlink.events.resubmit-every}. The age keeps publications whose listener is still running out of the way;
 * completed publications are deleted ({@code spring.modulith.events.completion-mode}). Listeners must therefore be
 * idempotent: a resubmitted event can reach a listener that already did its work but did not record it.
 * <p>
 * Every instance runs this sweep; two instances can resubmit the same publication at the same moment, so a listener
 * may run twice concurrently (idempotency covers it; claiming the job for one instance is left to the shared job
 * plumbing).
 */
@Component
class EventPublicationRetry {

	private final IncompleteEventPublications incomplete;
	private final Duration olderThan;

	EventPublicationRetry(IncompleteEventPublications incomplete,
			@Value("${gridlink.events.resubmit-older-than:PT1M}") Duration olderThan) {
		this.incomplete = incomplete;
		this.olderThan = olderThan;
	}

	@Scheduled(initialDelayString = "${gridlink.events.resubmit-every:PT1M}",
			fixedDelayString = "${gridlink.events.resubmit-every:PT1M}")
	void resubmit() {
		incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
	}
}
