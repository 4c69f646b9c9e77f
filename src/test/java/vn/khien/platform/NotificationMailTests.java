package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.registry.Agency;

/**
 * Notices reach people by email through a real SMTP server (GreenMail): exactly the
 * accounts a notice names, each once, in their language; nothing from a transaction that
 * rolled back; a mail the server refused goes out when it is back.
 */
@KhienTest
class NotificationMailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(38025, "127.0.0.1", "smtp"));

	static final String MALWARE = "Tấn công mã độc vào Cổng thông tin điện tử Sở Y tế";

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	@Test
	void aNoticeToTheOfficersOfAnAgencyReachesExactlyTheirInboxesInTheirLanguage() throws Exception {
		var fixtures = new AccessFixtures(context);
		Agency unit = fixtures.unit("SYT");
		Agency other = fixtures.unit("SYT");
		String domain = domain();
		long first = account("first", domain, Role.AGENCY_OFFICER, unit.id());
		long second = account("second", domain, Role.AGENCY_OFFICER, unit.id());
		long english = account("english", domain, Role.AGENCY_OFFICER, unit.id());
		accounts.setLanguage(english, Locale.ENGLISH);
		long noAddress = account("no-address", null, Role.AGENCY_OFFICER, unit.id());
		long disabled = account("disabled", domain, Role.AGENCY_OFFICER, unit.id());
		accounts.setEnabled(disabled, false);
		long elsewhere = account("elsewhere", domain, Role.AGENCY_OFFICER, other.id());
		long responder = account("responder", domain, Role.RESPONDER, unit.id());

		int written = notifications
			.notify(Notice.of("incident.new", "notification.notice.reportNew", "/incidents/42", MALWARE)
				.to(Notice.Audience.ofAgency(Role.AGENCY_OFFICER, unit.id())));

		assertThat(written).isEqualTo(4);
		awaitMails(domain, 3);
		// the job queue's round finds nothing left to send
		runOutbox();
		MimeMessage[] mails = smtp.getReceivedMessagesForDomain(domain);
		assertThat(mails).hasSize(3);
		assertThat(Arrays.stream(mails).map(m -> to(m)).toList()).containsExactlyInAnyOrder(address("first", domain),
				address("second", domain), address("english", domain));
		MimeMessage vietnamese = Arrays.stream(mails)
			.filter(m -> to(m).equals(address("first", domain)))
			.findFirst()
			.orElseThrow();
		assertThat(vietnamese.getSubject()).isEqualTo("[Khiên] Có báo cáo mới trong hàng đợi: " + MALWARE);
		assertThat((String) vietnamese.getContent()).contains("Có báo cáo mới trong hàng đợi: " + MALWARE)
			.contains("Xem chi tiết: http://localhost:8080/incidents/42")
			.contains("http://localhost:8080/notifications");
		MimeMessage inEnglish = Arrays.stream(mails)
			.filter(m -> to(m).equals(address("english", domain)))
			.findFirst()
			.orElseThrow();
		assertThat(inEnglish.getSubject()).isEqualTo("[Khiên] A new report is in the queue: " + MALWARE);

		// in the app: one row each, the account without an address too
		Map<Long, String> states = states(List.of(first, second, english, noAddress, disabled, elsewhere, responder));
		assertThat(states).containsOnly(Map.entry(first, "SENT"), Map.entry(second, "SENT"), Map.entry(english, "SENT"),
				Map.entry(noAddress, "NONE"));
	}

	@Test
	void aNoticeInATransactionThatRollsBackNotifiesNobody() throws Exception {
		String domain = domain();
		long officer = account("rollback", domain, Role.ASSESSOR, null);
		Notice notice = Notice
			.of("task.assigned", "notification.notice.taskAssigned", "/tasks/7", "Thu thập chứng cứ số")
			.to(officer);

		transactions.executeWithoutResult(status -> {
			assertThat(notifications.notify(notice)).isEqualTo(1);
			status.setRollbackOnly();
		});

		runOutbox();
		// NB: this domain's mail only: other tests' notices reach the same server
		Thread.sleep(2_000);
		assertThat(smtp.getReceivedMessagesForDomain(domain)).isEmpty();
		assertThat(states(List.of(officer))).isEmpty();

		// the same notice committed reaches them, once
		notifications.notify(notice);
		awaitMails(domain, 1);
		runOutbox();
		assertThat(smtp.getReceivedMessagesForDomain(domain)).singleElement()
			.satisfies(
					m -> assertThat(m.getSubject()).isEqualTo("[Khiên] Bạn được giao nhiệm vụ: Thu thập chứng cứ số"));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aMailRefusedWhileTheServerIsDownIsSentWhenItsRetryFallsDue(CapturedOutput output) throws Exception {
		String domain = domain();
		long responder = account("retry", domain, Role.RESPONDER, null);
		smtp.stop();
		// NB: the server's sockets close behind stop(); a mail still taken in then would
		// be stored and sent again on its retry
		await(() -> {
			try (var socket = new java.net.Socket()) {
				socket.connect(new java.net.InetSocketAddress("127.0.0.1", 38025), 200);
				return false;
			}
			catch (java.net.ConnectException refused) {
				return true;
			}
			catch (java.io.IOException slow) {
				// a connect that timed out proves nothing: the server may still take mail
				return false;
			}
		});

		notifications.notify(
				Notice
					.of("coordination.received", "notification.notice.coordinationReceived", "/coordination/3",
							"Yêu cầu hỗ trợ xử lý mã độc đào tiền ảo")
					.to(responder));

		// the attempt after the commit fails; the mail waits for its retry, a minute on
		// NB: while the attempt is in flight its claim also holds the mail (ten minutes):
		// only the outbox's warning says the attempt is over
		long notification = jdbc.sql("SELECT id FROM notification WHERE recipient_id = :id")
			.param("id", responder)
			.query(Long.class)
			.single();
		await(() -> output.getAll().contains("notification " + notification + " not mailed (attempt 1)"));
		assertThat(attempts(responder)).isEqualTo(1);
		assertThat(dueAt(responder)).isAfter(Instant.now().plusSeconds(30));
		assertThat(states(List.of(responder))).containsExactly(Map.entry(responder, "PENDING"));
		runOutbox();
		assertThat(attempts(responder)).as("not retried before it is due").isEqualTo(1);

		smtp.start();
		jdbc.sql("UPDATE notification SET mail_due_at = :now WHERE recipient_id = :id")
			.param("now", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
			.param("id", responder)
			.update();
		runOutbox();

		awaitMails(domain, 1);
		assertThat(smtp.getReceivedMessagesForDomain(domain)).singleElement()
			.satisfies(m -> assertThat(m.getSubject())
				.isEqualTo("[Khiên] Đã nhận yêu cầu điều phối: Yêu cầu hỗ trợ xử lý mã độc đào tiền ảo"));
		assertThat(states(List.of(responder))).containsExactly(Map.entry(responder, "SENT"));
		assertThat(attempts(responder)).isEqualTo(2);
		// the outbox's log says which notification failed and why, not to whom nor what
		// it said (GreenMail's own log names the address)
		String ours = output.getAll()
			.lines()
			.filter(line -> line.contains("notification.NotificationMail"))
			.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(ours).contains("not mailed (attempt 1)")
			.doesNotContain(address("retry", domain))
			.doesNotContain("đào tiền ảo");
	}

	/**
	 * Waits for this domain's mails: the server's own wait counts every mail it takes,
	 * and other tests' notices reach it too.
	 */
	private static void awaitMails(String domain, int count) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (smtp.getReceivedMessagesForDomain(domain).length < count && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertThat(smtp.getReceivedMessagesForDomain(domain)).hasSizeGreaterThanOrEqualTo(count);
	}

	private void runOutbox() {
		ScheduledWork outbox = context.getBean("notificationOutbox", ScheduledWork.class);
		outbox.principal().run(outbox.work());
	}

	private long account(String name, @Nullable String domain, Role role, @Nullable Long agency) {
		String username = AccessFixtures.unique("ntf-" + name).toLowerCase();
		return accounts.create(
				new Accounts.NewAccount(username, "Nguyễn Thị Thông Báo", domain == null ? null : address(name, domain),
						"notification-test-password", EnumSet.of(role), agency, null));
	}

	private static String domain() {
		return AccessFixtures.unique("n").toLowerCase() + ".thongbao.example.vn";
	}

	private static String address(String name, String domain) {
		return name + "@" + domain;
	}

	private static String to(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<Long, String> states(List<Long> recipients) {
		Map<Long, String> states = new java.util.HashMap<>();
		jdbc.sql("SELECT recipient_id, mail_state FROM notification WHERE recipient_id IN (:ids)")
			.param("ids", recipients)
			.query(rs -> {
				assertThat(states.put(rs.getLong("recipient_id"), rs.getString("mail_state")))
					.as("one row per recipient")
					.isNull();
			});
		return states;
	}

	private int attempts(long recipient) {
		return jdbc.sql("SELECT mail_attempts FROM notification WHERE recipient_id = :id")
			.param("id", recipient)
			.query(Integer.class)
			.single();
	}

	private @Nullable Instant dueAt(long recipient) {
		java.sql.Timestamp due = jdbc.sql("SELECT mail_due_at FROM notification WHERE recipient_id = :id")
			.param("id", recipient)
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.get(0);
		return due == null ? null : due.toInstant();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 15 s").isLessThan(until);
			Thread.sleep(100);
		}
	}

}
