package vn.khien.incident.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.incident.DetectedBy;
import vn.khien.incident.Handling;
import vn.khien.incident.Impact;
import vn.khien.incident.IncidentPhase;
import vn.khien.incident.IncidentResponse;
import vn.khien.incident.IncidentSeverity;
import vn.khien.incident.IncidentStatus;
import vn.khien.incident.Incidents;
import vn.khien.incident.InitialReport;
import vn.khien.incident.ObservableKind;
import vn.khien.incident.Taxonomy;
import vn.khien.incident.Tlp;
import vn.khien.platform.DemoMode;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Demo incidents: the health department’s portal defaced this autumn and being contained,
 * a phishing wave at the education department handled and closed in spring, a citizen’s
 * report of a fake bank page waiting in the queue, and last year’s cases for the
 * statistics’ comparison. Loaded once, when demo data is on and no incident exists.
 */
@Component
@Order(40)
class DemoIncidents implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final Incidents incidents;

	private final IncidentResponse response;

	private final DemoMode demoMode;

	private final TransactionTemplate transactions;

	DemoIncidents(JdbcClient jdbc, Agencies agencies, Incidents incidents, IncidentResponse response, DemoMode demoMode,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.incidents = incidents;
		this.response = response;
		this.demoMode = demoMode;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoMode.LOADER.run(() -> {
			if (!demoMode.enabled() || agencies.findByCode("SYT").isEmpty()
					|| jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single() > 0) {
				return;
			}
			transactions.executeWithoutResult(status -> load());
		});
	}

	private void load() {
		long health = agencies.findByCode("SYT").map(Agency::id).orElseThrow();
		Optional<Long> education = agencies.findByCode("SGDDT").map(Agency::id);

		long defaced = report(health, "Cổng thông tin điện tử Sở Y tế bị thay đổi giao diện",
				"Trang chủ hiển thị nội dung lạ và liên kết tới trang cờ bạc; phát hiện qua phản ánh của người dân.",
				"2026-10-01T08:00:00+07:00", DetectedBy.NOTIFIED,
				Taxonomy.INFORMATION_CONTENT_SECURITY_UNAUTHORISED_INFORMATION_MODIFICATION);
		response.observe(defaced,
				new Incidents.ObservableInput(ObservableKind.DOMAIN, "syt.lachong.gov.vn", Tlp.GREEN, "Cổng bị sửa"));
		response.observe(defaced, new Incidents.ObservableInput(ObservableKind.IP, "185.220.101.47", Tlp.AMBER,
				"Địa chỉ đăng nhập quản trị lạ"));
		response.addTask(defaced, new IncidentResponse.TaskInput(IncidentPhase.DETECTION,
				"Thu thập nhật ký máy chủ web và CMS", null, null, null));
		response.addTask(defaced, new IncidentResponse.TaskInput(IncidentPhase.CONTAINMENT,
				"Gỡ trang bị sửa, bật trang bảo trì", null, null, null));
		response.attach(defaced,
				new ByteArrayInputStream("185.220.101.47 - - [01/Oct/2026:02:14:07 +0700] \"POST /wp-login.php\" 302"
					.getBytes(StandardCharsets.UTF_8)),
				"access.log", "text/plain", -1);
		response.move(defaced, move(IncidentStatus.CONTAINMENT));

		education.ifPresent(agency -> {
			long phishing = report(agency, "Thư điện tử giả mạo gửi tới cán bộ Sở Giáo dục và Đào tạo",
					"Nhiều cán bộ nhận thư giả mạo yêu cầu đăng nhập lại hộp thư công vụ.", "2026-03-01T09:30:00+07:00",
					DetectedBy.LOGS, Taxonomy.FRAUD_PHISHING);
			response.observe(phishing, new Incidents.ObservableInput(ObservableKind.DOMAIN,
					"mail-sgddt-xacthuc.example", Tlp.GREEN, null));
			close(phishing, "Cán bộ nhập mật khẩu vào trang giả mạo",
					"Đổi mật khẩu, chặn tên miền, bật xác thực hai lớp", "Tập huấn nhận diện thư giả mạo hằng quý");
		});

		incidents.reportFromPublic(new Incidents.PublicReport(
				"Tôi nhận tin nhắn báo tài khoản ngân hàng bị khóa, kèm đường dẫn tới trang đăng nhập giả mạo.",
				OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(5), "http://vietcombank-xacthuc.example/login",
				null, null, "0899123456", "nguoidan@example.org", true, "{}", List.of()));

		// last year, for the comparison the statistics make
		String[][] lastYear = { { "2025-02-11T10:00:00+07:00", "Mã độc mã hóa dữ liệu máy trạm kế toán" },
				{ "2025-05-20T14:00:00+07:00", "Tấn công từ chối dịch vụ vào cổng dịch vụ công" },
				{ "2025-09-03T08:15:00+07:00", "Thư điện tử giả mạo lãnh đạo Sở" } };
		Taxonomy[] types = { Taxonomy.MALICIOUS_CODE_INFECTED_SYSTEM, Taxonomy.AVAILABILITY_DDOS,
				Taxonomy.FRAUD_PHISHING };
		for (int i = 0; i < lastYear.length; i++) {
			long id = report(health, lastYear[i][1], "Sự cố năm trước, đã xử lý.", lastYear[i][0], DetectedBy.IDS,
					types[i]);
			close(id, "Lỗ hổng chưa được vá kịp thời", "Cô lập, khôi phục từ bản sao lưu, vá lỗ hổng",
					"Rà quét lỗ hổng định kỳ");
		}
	}

	private long report(long agency, String title, String description, String discovered, DetectedBy detectedBy,
			Taxonomy taxonomy) {
		long id = incidents
			.report(new Incidents.AgencyReport(title, description, OffsetDateTime.parse(discovered), agency, null,
					detectedBy, IncidentSeverity.HIGH, Tlp.AMBER, taxonomy, Impact.LIMITED, false, false,
					InitialReport.empty()))
			.id();
		return id;
	}

	private void close(long id, String rootCause, String actions, String lessons) {
		response.move(id, move(IncidentStatus.CONTAINMENT));
		response.move(id, move(IncidentStatus.POST_INCIDENT));
		response.move(id, new IncidentResponse.Move(IncidentStatus.CLOSED, null, rootCause, actions, lessons,
				Handling.IN_HOUSE, 0L));
	}

	private static IncidentResponse.Move move(IncidentStatus to) {
		return new IncidentResponse.Move(to, null, null, null, null, null, null);
	}

}
