package vn.khien.platform.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.platform.NoticeSent;
import vn.khien.platform.Notifications;
import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;

/**
 * The outbox of {@link Notifications}: mails every notification whose mail is due, one
 * mail per recipient in their language. Started once a notice has committed, and every
 * half minute by the job queue (durable, once across nodes), which picks up what a
 * failure or a crash left: a failed attempt is retried later, each wait twice the last; a
 * mail is claimed before it is sent, so two nodes never send it both, and a claim whose
 * node died expires. A crash between the server's acceptance and the mark may send one
 * mail twice, never none.
 */
@Component
class NotificationMail {

	private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

	static final SystemPrincipal SENDER = SystemPrincipal.of("notification-mail");

	private static final int BATCH = 50;

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	// NB: only the holder of the claim records its outcome, and only while the mail is
	// still to be sent
	private static final String HELD = "id = :id AND mail_attempts = :claimed AND mail_state = 'PENDING'";

	private final ObjectProvider<JavaMailSender> sender;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	private final NotificationSettings settings;

	private final ExecutorService kicks = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "notification-mail");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean kicked = new AtomicBoolean();

	NotificationMail(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, JsonMapper json, MessageSource messages,
			NotificationSettings settings) {
		this.sender = sender;
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
		this.settings = settings;
	}

	@Configuration
	static class Schedule {

		@Bean
		ScheduledWork notificationOutbox(NotificationMail mail) {
			return new ScheduledWork("notification-mail", "*/30 * * * * *", SENDER, () -> mail.sendDue(Instant.now()));
		}

	}

	// NB: off the committing thread, so that a slow mail server never holds up a request
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(NoticeSent sent) {
		if (!sent.mailed() || !kicked.compareAndSet(false, true)) {
			return;
		}
		kicks.execute(() -> {
			kicked.set(false);
			try {
				SENDER.run(() -> sendDue(Instant.now()));
			}
			catch (RuntimeException ex) {
				log.warn("notification mails not sent now, the job queue retries: {}", ex.getClass().getSimpleName());
			}
		});
	}

	@PreDestroy
	void stop() {
		kicks.shutdownNow();
	}

	private record Due(long id, int attempts, String messageKey, String arguments, String link, @Nullable String email,
			@Nullable String language, boolean enabled) {
	}

	/**
	 * Sends every mail due at {@code now}.
	 * @return how many were sent
	 */
	int sendDue(Instant now) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		for (int round = 0; round < 20; round++) {
			List<Due> due = jdbc.sql("""
					SELECT n.id, n.mail_attempts, n.message_key, n.arguments, n.link, u.email, u.language, u.enabled
					FROM notification n JOIN app_user u ON u.id = n.recipient_id
					WHERE n.mail_due_at <= :now ORDER BY n.mail_due_at, n.id LIMIT :batch""")
				.param("now", Timestamp.from(now))
				.param("batch", BATCH)
				.query((rs, n) -> new Due(rs.getLong("id"), rs.getInt("mail_attempts"), rs.getString("message_key"),
						rs.getString("arguments"), rs.getString("link"), rs.getString("email"),
						rs.getString("language"), rs.getBoolean("enabled")))
				.list();
			if (due.isEmpty()) {
				break;
			}
			for (Due d : due) {
				if (claim(d, now) && send(mail, d, now)) {
					sent++;
				}
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		return sent;
	}

	/**
	 * Takes the mail for this node until the lease ends; false when another node took it
	 * first.
	 */
	private boolean claim(Due d, Instant now) {
		return jdbc.sql("""
				UPDATE notification SET mail_attempts = mail_attempts + 1, mail_due_at = :lease
				WHERE id = :id AND mail_attempts = :attempts AND mail_due_at <= :now AND mail_state = 'PENDING'""")
			.param("lease", Timestamp.from(now.plus(settings.lease())))
			.param("id", d.id())
			.param("attempts", d.attempts())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private boolean send(JavaMailSender mail, Due d, Instant now) {
		if (d.email() == null || d.email().isBlank() || !d.enabled()) {
			// the address was removed or the account disabled since: the app only
			finish(d, "NONE");
			return false;
		}
		int attempt = d.attempts() + 1;
		try {
			Locale locale = Notifications.language(d.language());
			Object[] args = json.readValue(d.arguments(), String[].class);
			String text = messages.getMessage(d.messageKey(), args, d.messageKey(), locale);
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.mailFrom());
			helper.setTo(d.email().strip());
			// NB: a subject is one header line, whatever the arguments held
			helper.setSubject(messages.getMessage("notification.mail.subject", new Object[] { text }, locale)
				.replaceAll("[\\r\\n]+", " "));
			helper.setText(messages.getMessage("notification.mail.body",
					new Object[] { text, settings.siteUrl() + d.link(), settings.siteUrl() + "/notifications" },
					locale));
			mail.send(message);
		}
		catch (MailException | MessagingException ex) {
			if (attempt >= settings.maxAttempts()) {
				finish(d, "FAILED");
				log.warn("notification {} not mailed after {} attempts, given up (it stays in the app): {}", d.id(),
						attempt, describe(ex));
			}
			else {
				Instant retry = now.plus(backoff(attempt));
				jdbc.sql("UPDATE notification SET mail_due_at = :retry WHERE " + HELD)
					.param("retry", Timestamp.from(retry))
					.param("id", d.id())
					.param("claimed", attempt)
					.update();
				log.warn("notification {} not mailed (attempt {}), retried from {}: {}", d.id(), attempt, retry,
						describe(ex));
			}
			return false;
		}
		jdbc.sql("UPDATE notification SET mail_state = 'SENT', mail_due_at = NULL, mailed_at = :now WHERE " + HELD)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", d.id())
			.param("claimed", attempt)
			.update();
		return true;
	}

	private void finish(Due d, String state) {
		jdbc.sql("UPDATE notification SET mail_state = :state, mail_due_at = NULL WHERE " + HELD)
			.param("state", state)
			.param("id", d.id())
			.param("claimed", d.attempts() + 1)
			.update();
	}

	Duration backoff(int attempt) {
		Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(attempt - 1, 20));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	/**
	 * What went wrong, for the log: the kind of failure and the server's words, without
	 * the addresses they may quote.
	 */
	static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? "" : root.getMessage();
		message = message.replaceAll("[^\\s<>\"'@]+@[^\\s<>\"']+", "…").replaceAll("[\\r\\n]+", " ");
		if (message.length() > 200) {
			message = message.substring(0, 200) + "…";
		}
		return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

}
