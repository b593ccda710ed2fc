package org.gridlink.platform;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the event publications of the module events published inside a piece of work in one batched INSERT, in
 * the work's transaction, instead of one INSERT per listener and event as Spring Modulith's registry does.
 * <p>
 * Spring Modulith stores one publication per event and transactional listener when the event is published (its
 * {@code EventPublicationRepository.create}, one statement each) and runs the listeners after the commit. Inside
 * {@link #together(Supplier)} the repository ({@link BatchedEventPublications}) keeps the publications it is asked to
 * create on this thread and writes them all at once when the work returns, still inside the same transaction: they
 * commit or roll back with the rows the events speak of, exactly as before, and a crash after the commit leaves them
 * incomplete for {@code EventPublicationRetry} to resubmit. Nothing else changes: the listeners, their completion and
 * their resubmission are Modulith's.
 * <p>
 * Used where many events are published in one transaction (case intake's group commit: two publications per
 * report). Outside a transaction it refuses: the publications would have no transaction to join.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class EventPublicationBatch {

	/**
	 * Runs the work (which publishes events, inside the caller's transaction) and writes the publications it made in
	 * one batched INSERT before returning. If the work fails, the publications made until then are written too (as
	 * they would have been one by one) before the failure is passed on; a nested call joins the outer one.
	 *
	 * @throws IllegalStateException outside a transaction
	 */
	public <T> T together(Supplier<T> work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("event publications are batched only inside a transaction");
		}
		return BatchedEventPublications.together(work);
	}
}
