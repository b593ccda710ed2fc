package org.gridlink.platform;

import java.time.OffsetDateTime;
import java.time.Period;

/**
 * One retention rule (issue 12): personal data a module holds that it drops once its purpose is over. The module owns
 * the table and implements the rule as a bean in its own package; {@link Retention} runs every rule once a day (on
 * one instance only) and audits each purge with its count. A purge keeps what statistics need (categories, places,
 * times, statuses) and removes the personal parts; it is idempotent (a purged row is not counted again).
 */
@org.springframework.modulith.NamedInterface("api")
public interface RetentionRule {

	/** A stable key, e.g. {@code cases.reporter-contact}; stored with each run's count. */
	String key();

	/** The message key of the rule's name (what is removed, from what, after what), for the retention page. */
	String nameKey();

	/** The property that sets the period, e.g. {@code gridlink.retention.closed-cases}. */
	String periodProperty();

	/** How long the data is kept after the event that ends its purpose (close, release, expiry, scan). */
	Period period();

	/** Rows whose personal parts are due for removal at the cutoff (event before {@code cutoff}, not yet purged). */
	int countDue(OffsetDateTime cutoff);

	/** Removes the personal parts of the rows due at {@code cutoff}; answers how many rows were purged. */
	int purge(OffsetDateTime cutoff);
}
