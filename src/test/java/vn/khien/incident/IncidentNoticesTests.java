package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;

/**
 * The response team hears of incidents by mail through a real SMTP server (GreenMail) and
 * in the app: of each new report in the queue, and of a reporting deadline coming near
 * and passing, each once however often the sweep runs.
 */
@KhienTest
class IncidentNoticesTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(38025, "127.0.0.1", "smtp"));

	@Autowired
	ApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncidentNotices notices;

	@Test
	void theTeamIsToldOfANewReportAndOfADeadlineNearAndPassedOnceEach() throws Exception {
		Agency unit = new AccessFixtures(context).unit("SYT");
		String domain = AccessFixtures.unique("ir").toLowerCase() + ".ungcuu.example.vn";
		long responder = accounts
			.create(new Accounts.NewAccount(AccessFixtures.unique("ir-team").toLowerCase(), "Trần Ứng Cứu",
					"doi@" + domain, "incident-test-password", EnumSet.of(Role.RESPONDER), unit.id(), null));
		Incidents incidents = FixturePrincipal.wrap(context.getBean(Incidents.class));
		// discovered 70 hours ago under the current pack: its 72-hour report is due in
		// two hours
		OffsetDateTime discovered = Instant.now().minus(Duration.ofHours(70)).atOffset(ZoneOffset.ofHours(7));
		Incident near = incidents.report(
				new Incidents.AgencyReport("Mã độc mã hóa dữ liệu máy chủ kế toán", "Các tệp bị đổi đuôi", discovered,
						unit.id(), null, DetectedBy.LOGS, null, null, null, null, false, false, InitialReport.empty()));
		assertThat(kinds(responder)).contains("incident.new");
		// NB: other tests’ open cases have deadlines passed too: told already, so that
		// only this case is told now
		jdbc.sql("UPDATE incident_deadline SET warned_at = :now, overdue_at = :now WHERE incident_id <> :id")
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.param("id", near.id())
			.update();

		notices.sweep();
		notices.sweep();
		assertThat(kinds(responder, near.id()).stream().filter("incident.deadline.approaching"::equals)).hasSize(1);

		jdbc.sql("UPDATE incident_deadline SET due = :past WHERE incident_id = :id")
			.param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
			.param("id", near.id())
			.update();
		notices.sweep();
		notices.sweep();
		assertThat(kinds(responder, near.id()).stream().filter("incident.deadline.passed"::equals)).hasSize(1);

		// NB: the sweep tells of every open case’s deadlines, other tests’ too: this
		// case’s mails are counted
		String tag = "#" + near.id() + " ";
		long until = System.currentTimeMillis() + 20_000;
		List<String> subjects = List.of();
		while (subjects.size() < 3 && System.currentTimeMillis() < until) {
			Thread.sleep(100);
			subjects = Arrays.stream(smtp.getReceivedMessagesForDomain(domain))
				.map(m -> subject(m))
				.filter(s -> s.contains(tag))
				.toList();
		}
		assertThat(subjects).hasSize(3);
		assertThat(subjects).anyMatch(s -> s.startsWith("[Khiên] Có báo cáo mới trong hàng đợi: #" + near.id()))
			.anyMatch(s -> s.startsWith("[Khiên] Sắp đến hạn ngày") && s.contains("Báo cáo sự cố"))
			.anyMatch(s -> s.startsWith("[Khiên] Đã quá hạn từ ngày"));
	}

	private List<String> kinds(long account) {
		return jdbc.sql("SELECT kind FROM notification WHERE recipient_id = :a ORDER BY id")
			.param("a", account)
			.query(String.class)
			.list();
	}

	/** What the account was told about this incident. */
	private List<String> kinds(long account, long incident) {
		return jdbc.sql("SELECT kind FROM notification WHERE recipient_id = :a AND link = :link ORDER BY id")
			.param("a", account)
			.param("link", "/incidents/" + incident)
			.query(String.class)
			.list();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
