package org.gridlink.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.gridlink.platform.AccountEmails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP to staff who have an address ({@link AccountEmails}): one plain-text UTF-8 message per outbox row,
 * subject the notice's title. Uses Spring Boot's {@link JavaMailSender}, configured by {@code spring.mail.*} and
 * present only when {@code spring.mail.host} is set; without it the channel is not available (a notice choosing it
 * is refused). A refused connection or a temporary SMTP error is tried again (the outbox's back-off), a message that
 * cannot be built fails. SMTP has no idempotency key: the message id is the outbox row's ({@code <notice-outbox-N@gridlink>}),
 * so a message sent again after a restart can be recognised as the same by mail systems that deduplicate.
 */
@Component
class EmailChannel implements Channel {

	private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

	private final ObjectProvider<JavaMailSender> mail;
	private final AccountEmails emails;
	private final String from;
	private final double rate;

	EmailChannel(ObjectProvider<JavaMailSender> mail, AccountEmails emails,
			@Value("${gridlink.notices.email.from:gridlink@localhost}") String from,
			@Value("${gridlink.notices.email.rate-per-second:10}") double rate) {
		this.mail = mail;
		this.emails = emails;
		this.from = from;
		this.rate = rate;
	}

	/** True when an SMTP server is configured ({@code spring.mail.host}). */
	boolean configured() {
		return mail.getIfAvailable() != null;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.EMAIL;
	}

	@Override
	public int batchSize() {
		return 50;
	}

	@Override
	public double ratePerSecond() {
		return rate;
	}

	@Override
	public List<Result> send(String attemptId, List<Message> batch) {
		JavaMailSender sender = mail.getIfAvailable();
		List<Result> results = new ArrayList<>();
		for (Message m : batch) {
			if (sender == null) {
				LOG.error("E-mail: no SMTP server configured (spring.mail.host); outbox row {} waits", m.outboxId());
				results.add(new Result(m.outboxId(), Outcome.RETRY, null, "no SMTP server configured"));
				continue;
			}
			Optional<String> to = emails.of(m.userId());
			if (to.isEmpty()) {
				results.add(new Result(m.outboxId(), Outcome.FAILED, null, "no e-mail address"));
				continue;
			}
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(from);
				helper.setTo(to.get());
				helper.setSubject(m.title());
				helper.setText(m.text());
				message.saveChanges();
				message.setHeader("Message-ID", "<notice-outbox-" + m.outboxId() + "@gridlink>");
				sender.send(message);
				results.add(new Result(m.outboxId(), Outcome.SENT, null, null));
			}
			catch (MessagingException | MailParseException | MailPreparationException ex) {
				results.add(new Result(m.outboxId(), Outcome.FAILED, null, ex.getClass().getSimpleName()));
			}
			catch (MailAuthenticationException ex) {
				LOG.error("E-mail: the SMTP server refused the login; outbox row {} waits", m.outboxId());
				results.add(new Result(m.outboxId(), Outcome.RETRY, null, "SMTP login refused"));
			}
			catch (MailException ex) {
				LOG.warn("E-mail: outbox row {} not sent: {}", m.outboxId(), ex.getMessage());
				results.add(new Result(m.outboxId(), Outcome.RETRY, null, ex.getClass().getSimpleName()));
			}
		}
		return results;
	}
}
