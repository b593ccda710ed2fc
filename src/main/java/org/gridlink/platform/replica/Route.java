package org.gridlink.platform.replica;

/**
 * Where one physical connection of GridLink's data source goes, decided when the connection is first used (after the
 * transaction's read-only flag is set).
 */
public enum Route {

	/** Not a read-only transaction of a page request (writes, schedulers, listeners, start-up, Flyway): the primary. */
	WRITE("write"),

	/** A read-only transaction of a page request: the replica. */
	REPLICA("replica"),

	/** A read-only transaction, but this session wrote a moment ago (read-your-writes): the primary. */
	PRIMARY("primary"),

	/** A read-only transaction, but the replica is down or further behind than allowed: the primary. */
	FALLBACK("fallback");

	private final String tag;

	Route(String tag) {
		this.tag = tag;
	}

	/** The value of the {@code route} tag of the {@code gridlink.replica.reads} counter. */
	public String tag() {
		return tag;
	}

	public boolean toReplica() {
		return this == REPLICA;
	}
}
