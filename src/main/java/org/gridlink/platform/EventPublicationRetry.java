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
 * On several instances each interval's sweep is claimed once ({@link JobClaims}, job {@value #JOB}): one instance
 * resubmits, the others skip that slot, so two instances do not resubmit the same publication at the same moment.
 * A listener may still run again (a resubmission of a publication whose first run is slow, or an instance that died
 * after the work and before recording it): idempotency covers that.
 */
@Component
class EventPublicationRetry {

	static final String JOB = "events.resubmit";

	private final IncompleteEventPublications incomplete;
	private final Duration olderThan;
	private final JobClaims claims;
	private final Duration every;

	EventPublicationRetry(IncompleteEventPublications incomplete,
			@Value("${gridlink.events.resubmit-older-than:PT1M}") Duration olderThan, JobClaims claims,
			@Value("${gridlink.events.resubmit-every:PT1M}") Duration every) {
		this.incomplete = incomplete;
		this.olderThan = olderThan;
		this.claims = claims;
		this.every = every;
	}

	@Scheduled(initialDelayString = "${gridlink.events.resubmit-every:PT1M}",
			fixedDelayString = "${gridlink.events.resubmit-every:PT1M}")
	void resubmit() {
		if (claims.claim(JOB, every)) {
			incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
		}
	}
}
