package vn.khien.platform;

import static vn.khien.AccessMatrix.OFFICER;
import static vn.khien.AccessMatrix.only;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.AccessMatrix.Caller;
import vn.khien.AccessMatrix.Item;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;

/**
 * The notifications' handlers: every signed-in caller reads and marks their own; a
 * notification of {@code officer}'s is theirs alone (404 to everyone else, and in no one
 * else's list). One row per handler.
 */
@KhienTest
class NotificationAccessMatrixTests implements AccessMatrix.Module {

	static final String RECIPIENT = "SELECT u.username FROM notification n JOIN app_user u ON u.id = n.recipient_id"
			+ " WHERE n.id = :id";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyNotificationHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	/**
	 * A new notification to {@code officer}; its mail is marked done at once, as the
	 * matrix is about who reads it (mails are NotificationMailTests').
	 */
	private long officersNotification() {
		Notifications notifications = FixturePrincipal.wrap(context.getBean(Notifications.class));
		long officer = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer'").query(Long.class).single();
		notifications.notify(Notice
			.of("task.assigned", "notification.notice.taskAssigned", "/incidents/1", AccessFixtures.unique("matrix"))
			.to(officer));
		long id = jdbc.sql("SELECT MAX(id) FROM notification WHERE recipient_id = :id")
			.param("id", officer)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE notification SET mail_state = 'NONE', mail_due_at = NULL WHERE id = :id")
			.param("id", id)
			.update();
		return id;
	}

	private boolean ownedBy(Caller caller, Item item) {
		String recipient = jdbc.sql(RECIPIENT)
			.param("id", ((Number) item.key()).longValue())
			.query(String.class)
			.optional()
			.orElse("");
		return recipient.equals(caller.name());
	}

	@Override
	public void declare(AccessMatrix m) {
		Supplier<Long> notification = AccessMatrix.once(this::officersNotification);

		m.api("GET", "/api/v1/notifications")
			.given(notification)
			.query("size", 500)
			.listOf(AccessMatrix.jsonKeys("$.items[*].id"), this::ownedBy);
		m.api("POST", "/api/v1/notifications/{id}/read").fresh("id", this::officersNotification).scope(only(OFFICER));
		m.api("POST", "/api/v1/notifications/read-all");

		m.page("GET", "/notifications")
			.given(notification)
			.query("size", 500)
			.listOf(AccessMatrix.linkKeys("id=\"notification-(\\d+)\""), this::ownedBy);
		m.page("POST", "/notifications/{id}/read")
			.fresh("id", this::officersNotification)
			.scope(only(OFFICER))
			.form(() -> Map.of())
			.ok(302);
		m.page("POST", "/notifications/read-all").form(() -> Map.of()).ok(302);
	}

}
