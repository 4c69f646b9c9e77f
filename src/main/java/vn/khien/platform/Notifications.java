package vn.khien.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people something, in the app and by email: {@link #notify} writes one row per
 * recipient in the caller's transaction (a change rolled back notifies nobody); the mails
 * go out from that outbox once it committed, retried while the mail server is down. Each
 * signed-in user reads their own notifications only; another user's answer as one that
 * does not exist (404). See docs/notifications.md.
 */
@Component
public class Notifications {

	/** Most unread notifications the bell counts; past it, it shows 99+. */
	public static final int BELL_CAP = 99;

	private static final int COUNT_CAP = 10_000;

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** One notification as its recipient sees it. */
	public record Notification(long id, String kind, String messageKey, List<String> arguments, String link,
			Instant createdAt, @Nullable Instant readAt) {

		public boolean read() {
			return readAt != null;
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	private final CurrentUser currentUser;

	private final ObjectProvider<JavaMailSender> mail;

	private final ApplicationEventPublisher events;

	Notifications(JdbcClient jdbc, JsonMapper json, MessageSource messages, CurrentUser currentUser,
			ObjectProvider<JavaMailSender> mail, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
		this.currentUser = currentUser;
		this.mail = mail;
		this.events = events;
	}

	/**
	 * Writes the notice to each of its recipients once, in the caller's transaction: the
	 * accounts named and the enabled accounts its audiences name now. Those with an email
	 * address are also mailed, after the commit, when a mail server is configured
	 * ({@code spring.mail.host}).
	 * @return how many accounts it was written to
	 */
	@Transactional
	public int notify(Notice notice) {
		try {
			messages.getMessage(notice.messageKey(), notice.arguments().toArray(), VIETNAMESE);
		}
		catch (NoSuchMessageException ex) {
			throw new IllegalArgumentException("no Vietnamese message for the notice's key " + notice.messageKey());
		}
		List<String> who = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (!notice.accounts().isEmpty()) {
			who.add("u.id IN (:accounts)");
			params.put("accounts", notice.accounts());
		}
		int i = 0;
		for (Notice.Audience audience : notice.audiences()) {
			StringBuilder clause = new StringBuilder("u.id IN (SELECT r.user_id FROM user_role r WHERE r.role = :role")
				.append(i)
				.append(')');
			params.put("role" + i, audience.role().name());
			if (audience.agencyId() != null) {
				clause.append(" AND u.agency_id = :agency").append(i);
				params.put("agency" + i, audience.agencyId());
			}
			if (audience.organisationId() != null) {
				clause.append(" AND u.organisation_id = :organisation").append(i);
				params.put("organisation" + i, audience.organisationId());
			}
			who.add("(" + clause + ")");
			i++;
		}
		if (who.isEmpty()) {
			return 0;
		}
		// NB: decided when written, as FindingMail does: without a mail server nothing
		// queues up to be sent the day one is configured
		boolean mailed = mail.getIfAvailable() != null;
		String hasEmail = "u.email IS NOT NULL AND TRIM(u.email) <> ''";
		String state = mailed ? "CASE WHEN " + hasEmail + " THEN 'PENDING' ELSE 'NONE' END" : "'NONE'";
		String due = mailed ? "CASE WHEN " + hasEmail + " THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) END"
				: "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
		params.put("kind", notice.kind());
		params.put("key", notice.messageKey());
		params.put("arguments", json.writeValueAsString(notice.arguments()));
		params.put("link", notice.link());
		params.put("now", Timestamp.from(Instant.now()));
		int written = jdbc.sql("""
				INSERT INTO notification (recipient_id, kind, message_key, arguments, link, created_at, mail_state,
				  mail_due_at)
				SELECT u.id, :kind, :key, :arguments, :link, :now, %s, %s FROM app_user u
				WHERE u.enabled = TRUE AND (%s)""".formatted(state, due, String.join(" OR ", who)))
			.params(params)
			.update();
		if (written > 0) {
			events.publishEvent(new NoticeSent(notice.kind(), written, mailed));
		}
		return written;
	}

	/**
	 * The signed-in user's notifications, newest first; only the unread when asked. The
	 * total is capped (a list never counts past {@value #COUNT_CAP}).
	 */
	public PageResult<Notification> mine(boolean unreadOnly, PageQuery page) {
		Long me = me();
		if (me == null) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		String where = "recipient_id = :me" + (unreadOnly ? " AND read_at IS NULL" : "");
		List<Notification> items = jdbc
			.sql("SELECT id, kind, message_key, arguments, link, created_at, read_at FROM notification WHERE " + where
					+ " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("me", me)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::notification)
			.list();
		long total = jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM notification WHERE " + where + " LIMIT " + (COUNT_CAP + 1)
					+ ") t")
			.param("me", me)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP, null);
	}

	/**
	 * How many of the signed-in user's notifications are unread, counting no further than
	 * {@code cap + 1} (one query on the recipient's index).
	 */
	public long unread(int cap) {
		Long me = me();
		if (me == null) {
			return 0;
		}
		return jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM notification WHERE recipient_id = :me AND read_at IS NULL LIMIT "
					+ (cap + 1) + ") t")
			.param("me", me)
			.query(Long.class)
			.single();
	}

	/** One of the signed-in user's notifications; anyone else's is not found. */
	public Notification get(long id) {
		Long me = me();
		return jdbc
			.sql("SELECT id, kind, message_key, arguments, link, created_at, read_at FROM notification"
					+ " WHERE id = :id AND recipient_id = :me")
			.param("id", id)
			.param("me", me == null ? -1L : me)
			.query(this::notification)
			.optional()
			.orElseThrow(() -> new NotFoundException("notification", id));
	}

	/** Marks one of the signed-in user's notifications read (again: no change). */
	@Transactional
	public Notification markRead(long id) {
		Notification notification = get(id);
		if (!notification.read()) {
			jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND read_at IS NULL")
				.param("now", Timestamp.from(Instant.now()))
				.param("id", id)
				.update();
		}
		return get(id);
	}

	/**
	 * Marks every unread notification of the signed-in user read.
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead() {
		Long me = me();
		if (me == null) {
			return 0;
		}
		return jdbc.sql("UPDATE notification SET read_at = :now WHERE recipient_id = :me AND read_at IS NULL")
			.param("now", Timestamp.from(Instant.now()))
			.param("me", me)
			.update();
	}

	/** The notification's text in {@code locale}. */
	public String text(Notification notification, Locale locale) {
		return messages.getMessage(notification.messageKey(), notification.arguments().toArray(),
				notification.messageKey(), locale);
	}

	/**
	 * The language an account reads what is written to it in: the one it last chose in
	 * the app, Vietnamese otherwise.
	 */
	public static Locale language(@Nullable String code) {
		return "en".equalsIgnoreCase(code) ? Locale.ENGLISH : VIETNAMESE;
	}

	private @Nullable Long me() {
		return currentUser.find().map(KhienUser::id).orElse(null);
	}

	private Notification notification(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("message_key"),
				List.of(json.readValue(rs.getString("arguments"), String[].class)), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}

}
