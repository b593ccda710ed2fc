package org.gridlink.notices;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SMS through Alibaba Cloud SMS ({@link AliyunSms}): a batch of up to 100 phones per {@code SendBatchSms} call, the
 * batch's attempt id as {@code OutId}. The endpoint is {@code gridlink.notices.sms.endpoint}; empty means the local
 * {@link SmsGatewaySimulator} (demo mode), or no SMS at all in production (rows wait, each try logged as an error).
 */
@Component
class SmsChannel implements Channel {

	private final AliyunSms client = new AliyunSms();
	private final @Nullable URI endpoint;
	private final ObjectProvider<SmsGatewaySimulator> simulator;
	private final String accessKeyId;
	private final String secret;
	private final String signName;
	private final double rate;
	private final java.time.ZoneId zone;
	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;

	SmsChannel(@Value("${gridlink.notices.sms.endpoint:}") String endpoint,
			@Value("${gridlink.notices.sms.access-key-id}") String accessKeyId,
			@Value("${gridlink.notices.sms.access-key-secret}") String secret,
			@Value("${gridlink.notices.sms.sign-name}") String signName,
			@Value("${gridlink.notices.sms.rate-per-second:200}") double rate,
			ObjectProvider<SmsGatewaySimulator> simulator, @Value("${gridlink.time-zone:Asia/Shanghai}") String zone) {
		this.zone = java.time.ZoneId.of(zone);
		this.endpoint = endpoint.isBlank() ? null : URI.create(endpoint);
		this.accessKeyId = accessKeyId;
		this.secret = secret;
		this.signName = signName;
		this.rate = rate;
		this.simulator = simulator;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.SMS;
	}

	@Override
	public int batchSize() {
		return 100;
	}

	@Override
	public double ratePerSecond() {
		return rate;
	}

	@Override
	public List<Result> send(String attemptId, List<Message> batch) {
		URI target = endpoint != null ? endpoint : simulatorEndpoint();
		List<Result> results = new ArrayList<>();
		if (target == null) {
			batch.forEach(m -> results.add(new Result(m.outboxId(), Outcome.RETRY, null, "no SMS gateway configured")));
			return results;
		}
		// one call per template: a batch call carries one template code
		Map<String, List<Message>> byTemplate = new LinkedHashMap<>();
		batch.forEach(m -> byTemplate.computeIfAbsent(m.template(), k -> new ArrayList<>()).add(m));
		int part = 0;
		for (Map.Entry<String, List<Message>> e : byTemplate.entrySet()) {
			List<Message> messages = e.getValue();
			String outId = byTemplate.size() == 1 ? attemptId : attemptId + "-" + part;
			part++;
			AliyunSms.Answer answer = client.sendBatch(target, accessKeyId, secret,
					messages.stream().map(Message::phone).toList(), signName, e.getKey(),
					messages.stream().map(Message::params).toList(), outId);
			Outcome outcome = answer.ok() ? Outcome.SENT : answer.retryable() ? Outcome.RETRY : Outcome.FAILED;
			String error = answer.ok() ? null : answer.code() + ": " + answer.message();
			messages.forEach(m -> results.add(new Result(m.outboxId(), outcome, answer.ok() ? answer.bizId() : null,
					error == null ? null : error.substring(0, Math.min(error.length(), 200)))));
		}
		return results;
	}

	/**
	 * Asks the provider ({@code QuerySendDetails}, per phone, on the district's today and yesterday) whether it took a
	 * message of this attempt (its {@code OutId}, or the attempt id with a part number when the batch was split by
	 * template): waiting or delivered counts as sent (SENT / DELIVERED), failed as FAILED; not found is left out (sent
	 * again). When the provider cannot be asked, the message waits (RETRY) rather than risk a second copy.
	 */
	@Override
	public List<Result> reconcile(String attemptId, List<Message> batch) {
		URI target = endpoint != null ? endpoint : simulatorEndpoint();
		List<Result> results = new ArrayList<>();
		if (target == null) {
			return results;
		}
		java.time.LocalDate today = java.time.LocalDate.now(zone);
		List<String> dates = List.of(DAY.format(today), DAY.format(today.minusDays(1)));
		for (Message m : batch) {
			if (m.phone() == null) {
				continue;
			}
			Result known = null;
			for (String date : dates) {
				List<AliyunSms.Detail> details = client.querySendDetails(target, accessKeyId, secret, m.phone(), date);
				if (details == null) {
					known = new Result(m.outboxId(), Outcome.RETRY, null, "QuerySendDetails failed");
					break;
				}
				AliyunSms.Detail found = details.stream()
						.filter(d -> d.outId().equals(attemptId) || d.outId().startsWith(attemptId + "-")).findFirst()
						.orElse(null);
				if (found != null) {
					known = switch (found.sendStatus()) {
						case 3 -> new Result(m.outboxId(), Outcome.DELIVERED, null, null);
						case 2 -> new Result(m.outboxId(), Outcome.FAILED, null, found.errCode());
						default -> new Result(m.outboxId(), Outcome.SENT, null, null);
					};
					break;
				}
			}
			if (known != null) {
				results.add(known);
			}
		}
		return results;
	}

	private @Nullable URI simulatorEndpoint() {
		SmsGatewaySimulator sim = simulator.getIfAvailable();
		return sim == null ? null : sim.endpoint();
	}
}
