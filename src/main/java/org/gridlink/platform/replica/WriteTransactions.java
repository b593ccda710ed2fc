package org.gridlink.platform.replica;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Marks the current page request as having written when one of GridLink's own {@code @Transactional} methods (their
 * transaction is named after the method) commits a read-write transaction, e.g. a GET page that records an audit
 * entry or a reveal. Transactions without such a name (the HTTP session's own saves, which happen on every request)
 * do not count. Only matters on a request thread: elsewhere there is no {@link RequestReads} context.
 */
class WriteTransactions implements TransactionExecutionListener {

	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
		String name = transaction.getTransactionName();
		if (commitFailure == null && !transaction.isReadOnly() && name.startsWith("org.gridlink.")) {
			RequestReads.wrote();
		}
	}
}
