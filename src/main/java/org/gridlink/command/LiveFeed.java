package org.gridlink.command;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed. Listeners on any instance write {@code command_feed}; each instance reads the new lines once a
 * second for all its clients together (one query, however many pages are open) and pushes each line to the clients
 * whose scope covers its place. So it works behind a load balancer without a polling storm.
 */
@Component
public class LiveFeed {

	/** One line of the feed: what happened ({@code kind}), where, to which case or order, and when. */
	public record Line(long id, String kind, String code, String ref, OffsetDateTime at) {
	}

	record Client(Scope scope, Consumer<Line> sink, Runnable onGone) {
	}

	private final JdbcClient jdbc;
	private final List<Client> clients = new CopyOnWriteArrayList<>();
	private final AtomicLong seen = new AtomicLong(-1);

	LiveFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new page: lines from now on, within the user's scope. */
	public SseEmitter open(CurrentUser user, CommandCenter center) {
		center.require(user);
		SseEmitter emitter = new SseEmitter(0L);
		Client[] self = new Client[1];
		self[0] = new Client(user.scope(), line -> {
			try {
				emitter.send(SseEmitter.event().id(String.valueOf(line.id())).name("line").data(line));
			}
			catch (IOException | IllegalStateException ex) {
				clients.remove(self[0]);
			}
		}, emitter::complete);
		register(self[0]);
		emitter.onCompletion(() -> clients.remove(self[0]));
		emitter.onTimeout(() -> clients.remove(self[0]));
		emitter.onError(ex -> clients.remove(self[0]));
		try {
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			clients.remove(self[0]);
		}
		return emitter;
	}

	/** Adds a client (the page's emitter, or a test's list). */
	void register(Client client) {
		if (seen.get() < 0) {
			seen.compareAndSet(-1, latest());
		}
		clients.add(client);
	}

	void unregister(Client client) {
		clients.remove(client);
	}

	int clients() {
		return clients.size();
	}

	private long latest() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM command_feed").query(Long.class).single();
	}

	/** The instance's one poll: the new lines, handed to every client whose scope covers them. */
	@Scheduled(fixedDelayString = "${gridlink.command.feed-every:PT1S}")
	public void poll() {
		if (clients.isEmpty()) {
			seen.set(-1); // nobody listens: start from the newest line when someone comes
			return;
		}
		long from = seen.get();
		List<Line> lines = jdbc.sql("""
				SELECT id, kind, code, ref, occurred_at FROM command_feed WHERE id > ? ORDER BY id LIMIT 500""")
				.param(from).query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class)))
				.list();
		if (lines.isEmpty()) {
			return;
		}
		seen.set(lines.get(lines.size() - 1).id());
		for (Client client : clients) {
			for (Line line : lines) {
				if (client.scope().covers(line.code())) {
					client.sink().accept(line);
				}
			}
		}
	}

	/** The newest lines within the user's scope (what the page shows before the first pushed line). */
	public List<Line> recent(CurrentUser user, CommandCenter center, int limit) {
		center.require(user);
		return jdbc.sql("SELECT id, kind, code, ref, occurred_at FROM command_feed WHERE "
				+ user.scope().sqlCondition("code") + " ORDER BY id DESC LIMIT ?").param(Math.min(limit, 100))
				.query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class)))
				.list();
	}
}
