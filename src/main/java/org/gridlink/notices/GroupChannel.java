package org.gridlink.notices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work-chat group robot (企业微信群机器人): one outbox row per group ({@link GroupWebhooks}) and notice, sent as
 * {@code POST {webhook}} with {@code {"msgtype":"markdown","markdown":{"content":"**title**\n\ntext"}}}. The answer's
 * {@code errcode} decides: {@code 0} sent; {@code -1} (busy), {@code 45009} (too many messages: a robot takes 20 a
 * minute), HTTP 5xx and I/O errors are tried again; any other code (an invalid or removed robot, {@code 93000}) fails
 * the row. The text is the notice's public text; {@code {name}} is empty in a group (no per-person variables).
 */
@Component
class GroupChannel implements Channel {

	private static final Logger LOG = LoggerFactory.getLogger(GroupChannel.class);
	static final Set<Integer> RETRY_CODES = Set.of(-1, 45009);

	private final GroupWebhooks groups;
	private final double rate;
	private final JsonMapper json = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER).build();

	GroupChannel(GroupWebhooks groups, @Value("${gridlink.notices.group.rate-per-second:0.3}") double rate) {
		this.groups = groups;
		this.rate = rate;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.GROUP;
	}

	@Override
	public int batchSize() {
		return 20;
	}

	@Override
	public double ratePerSecond() {
		return rate;
	}

	@Override
	public List<Result> send(String attemptId, List<Message> batch) {
		List<Result> results = new ArrayList<>();
		for (Message m : batch) {
			results.add(sendOne(m));
		}
		return results;
	}

	private Result sendOne(Message m) {
		Optional<String> url = groups.webhook(m.userId());
		if (url.isEmpty()) {
			return new Result(m.outboxId(), Outcome.FAILED, null, "group removed");
		}
		String body = json.writeValueAsString(payload(m.title(), m.text()));
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.get()))
					.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() >= 500) {
				return new Result(m.outboxId(), Outcome.RETRY, null, "HTTP " + response.statusCode());
			}
			if (response.statusCode() != 200) {
				return new Result(m.outboxId(), Outcome.FAILED, null, "HTTP " + response.statusCode());
			}
			JsonNode answer = json.readTree(response.body());
			int code = answer.path("errcode").asInt(Integer.MIN_VALUE);
			String message = answer.path("errmsg").asString("");
			if (code == 0) {
				return new Result(m.outboxId(), Outcome.SENT, null, null);
			}
			String error = "errcode " + code + (message.isEmpty() ? "" : ": " + message);
			return new Result(m.outboxId(), RETRY_CODES.contains(code) ? Outcome.RETRY : Outcome.FAILED, null,
					error.length() > 200 ? error.substring(0, 200) : error);
		}
		catch (IOException ex) {
			LOG.warn("Group robot: outbox row {} not sent: {}", m.outboxId(), ex.toString());
			return new Result(m.outboxId(), Outcome.RETRY, null, ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(m.outboxId(), Outcome.RETRY, null, "interrupted");
		}
		catch (RuntimeException ex) {
			return new Result(m.outboxId(), Outcome.FAILED, null, ex.getClass().getSimpleName());
		}
	}

	/** The robot's markdown message: the title in bold, then the text. */
	static Map<String, Object> payload(String title, String text) {
		Map<String, Object> markdown = new LinkedHashMap<>();
		markdown.put("content", "**" + title + "**\n\n" + text);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("msgtype", "markdown");
		payload.put("markdown", markdown);
		return payload;
	}
}
