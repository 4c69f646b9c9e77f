package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.SignedIn;
import vn.khien.SqlStatements;
import vn.khien.TestLogins;
import vn.khien.platform.security.ApiTokens;

/**
 * Notifications in the app: the header's bell counts the unread (99+ past 99, in one
 * query), the page lists the user's own newest first, each a link, marked read one by one
 * or all at once; the API does the same; nobody reaches another user's notification, and
 * garbage is refused.
 */
@KhienTest
class NotificationTests {

	static final String PASSWORD = "notification-page-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	long reader;

	long stranger;

	@BeforeEach
	void accounts() {
		reader = account("reader");
		stranger = account("stranger");
	}

	@Test
	void theBellCountsTheUnreadAndThePageListsThemNewestFirstUntilRead() {
		long first = notice(reader, "/incidents/1", "Sự cố thứ nhất");
		long second = notice(reader, "/incidents/2", "Sự cố thứ hai");
		long third = notice(reader, "/incidents/3", "Sự cố thứ ba");
		long theirs = notice(stranger, "/incidents/4", "Sự cố của người khác");
		SignedIn session = TestLogins.signIn(mvc, username(reader), PASSWORD);

		Document home = page(session, "/");
		Element bell = home.getElementById("notification-bell");
		assertThat(bell.attr("href")).isEqualTo("/notifications");
		assertThat(home.getElementById("notification-count").text()).isEqualTo("3");

		Document list = page(session, "/notifications");
		assertThat(list.select("#notifications-table tbody tr").eachAttr("id")).containsExactly("notification-" + third,
				"notification-" + second, "notification-" + first);
		Element newest = list.getElementById("notification-" + third);
		assertThat(newest.selectFirst("a.notification-link").attr("href")).isEqualTo("/incidents/3");
		assertThat(newest.selectFirst("a.notification-link").text()).isEqualTo("Bạn được giao nhiệm vụ: Sự cố thứ ba");
		assertThat(list.getElementById("notification-" + theirs)).isNull();

		// one read: the bell counts two, the unread list shows two
		assertThat(mvc.post().uri("/notifications/" + second + "/read").with(session).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/notifications");
		assertThat(page(session, "/").getElementById("notification-count").text()).isEqualTo("2");
		assertThat(page(session, "/notifications?unread=true").select("#notifications-table tbody tr").eachAttr("id"))
			.containsExactly("notification-" + third, "notification-" + first);
		assertThat(page(session, "/notifications").getElementById("notification-" + second).select("form")).isEmpty();

		// a write without CSRF is refused and changes nothing
		assertThat(mvc.post().uri("/notifications/read-all").with(session)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(unread(reader)).isEqualTo(2);

		assertThat(mvc.post().uri("/notifications/read-all").with(session).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(page(session, "/").getElementById("notification-count")).isNull();
		assertThat(page(session, "/notifications?unread=true").getElementById("notifications-none")).isNotNull();
		assertThat(unread(stranger)).as("another user's notification is untouched").isEqualTo(1);

		// past 99 the bell says 99+, counted by one query that stops at 100
		for (int i = 0; i < 120; i++) {
			notice(reader, "/incidents/" + i, "Sự cố số " + i);
		}
		assertThat(page(session, "/").getElementById("notification-count").text()).isEqualTo("99+");
		var user = new KhienUser(reader, username(reader), "Người đọc", Set.of(Role.ASSESSOR), null, null);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.NO_AUTHORITIES));
		SecurityContextHolder.setContext(context);
		try {
			long[] count = new long[1];
			assertThat(SqlStatements.during(() -> count[0] = notifications.unread(Notifications.BELL_CAP)))
				.isEqualTo(1);
			assertThat(count[0]).isEqualTo(100);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void theApiAnswersTheCallersOwnNotificationsInTheirLanguage() throws Exception {
		long first = notice(reader, "/incidents/10", "Mã độc tống tiền");
		long second = notice(reader, "/incidents/11", "Lộ lọt dữ liệu");
		String bearer = bearer(reader);

		JsonNode all = read(mvc.get().uri("/api/v1/notifications").header("Authorization", bearer), 200);
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(all.get("items").findValuesAsString("link")).containsExactly("/incidents/11", "/incidents/10");
		JsonNode newest = all.get("items").get(0);
		assertThat(newest.get("id").asLong()).isEqualTo(second);
		assertThat(newest.get("kind").asString()).isEqualTo("task.assigned");
		assertThat(newest.get("message").asString()).isEqualTo("Bạn được giao nhiệm vụ: Lộ lọt dữ liệu");
		assertThat(newest.get("read").asBoolean()).isFalse();
		JsonNode english = read(
				mvc.get().uri("/api/v1/notifications").header("Authorization", bearer).header("Accept-Language", "en"),
				200);
		assertThat(english.get("items").get(0).get("message").asString())
			.isEqualTo("You were assigned a task: Lộ lọt dữ liệu");

		JsonNode marked = read(
				mvc.post().uri("/api/v1/notifications/" + first + "/read").header("Authorization", bearer), 200);
		assertThat(marked.get("read").asBoolean()).isTrue();
		assertThat(marked.get("readAt").isNull()).isFalse();
		JsonNode unread = read(mvc.get().uri("/api/v1/notifications?unread=true").header("Authorization", bearer), 200);
		assertThat(unread.get("items").findValuesAsString("link")).containsExactly("/incidents/11");

		JsonNode all2 = read(mvc.post().uri("/api/v1/notifications/read-all").header("Authorization", bearer), 200);
		assertThat(all2.get("marked").asInt()).isEqualTo(1);
		assertThat(read(mvc.get().uri("/api/v1/notifications?unread=true").header("Authorization", bearer), 200)
			.get("total")
			.asLong()).isZero();
	}

	@Test
	void anotherUsersNotificationIsNotFoundAndGarbageIsRefused() {
		long theirs = notice(stranger, "/incidents/20", "Của người khác");
		String bearer = bearer(reader);
		SignedIn session = TestLogins.signIn(mvc, username(reader), PASSWORD);

		assertThat(mvc.post().uri("/api/v1/notifications/" + theirs + "/read").header("Authorization", bearer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/notifications/" + theirs + "/read").with(session).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/notifications?size=500").header("Authorization", bearer)).bodyText()
			.doesNotContain("/incidents/20");
		assertThat(unread(stranger)).isEqualTo(1);

		for (String uri : List.of("/api/v1/notifications?unread=maybe", "/api/v1/notifications?size=0",
				"/api/v1/notifications?size=501", "/api/v1/notifications?page=-1", "/api/v1/notifications?page=abc")) {
			assertThat(mvc.get().uri(uri).header("Authorization", bearer)).as(uri).hasStatus(HttpStatus.BAD_REQUEST);
		}
		assertThat(mvc.post().uri("/api/v1/notifications/abc/read").header("Authorization", bearer))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/notifications/99999999999/read").header("Authorization", bearer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/v1/notifications/-1/read").header("Authorization", bearer))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/notifications?unread=maybe").with(session)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/notifications?page=-1").with(session)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/notifications/abc/read").with(session).with(csrf()))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/notifications/read-all?unread=maybe").with(session).with(csrf()))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(unread(stranger)).isEqualTo(1);
	}

	@Test
	void aNoticeThatIsNotOneIsRefusedAndWritesNothing() {
		long before = count(reader);
		for (String link : List.of("https://evil.example/phish", "//evil.example", "/\\evil.example", "incidents/1",
				"/incidents/1\r\nBcc: someone", "/" + "x".repeat(500))) {
			assertThatThrownBy(() -> Notice.of("incident.new", "notification.notice.reportNew", link, "x")).as(link)
				.isInstanceOf(IllegalArgumentException.class);
		}
		for (String kind : List.of("", "incident", "Incident.New", "incident new", "incident.new;drop")) {
			assertThatThrownBy(() -> Notice.of(kind, "notification.notice.reportNew", "/incidents/1")).as(kind)
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> Notice.of("incident.new", "notification.notice.reportNew", "/incidents/1",
				"x".repeat(Notice.MAX_ARGUMENT_LENGTH + 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> notifications
			.notify(Notice.of("incident.new", "notification.notice.noSuchKey", "/incidents/1").to(reader)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Notice.Audience(Role.ORGANISATION, 1L, 2L))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(notifications.notify(Notice.of("incident.new", "notification.notice.reportNew", "/incidents/1")))
			.as("a notice to nobody")
			.isZero();
		assertThat(count(reader)).isEqualTo(before);
		// null arguments are written as empty text
		assertThat(notifications.notify(
				Notice.of("incident.new", "notification.notice.reportNew", "/incidents/1", (Object) null).to(reader)))
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT arguments FROM notification WHERE recipient_id = :id")
			.param("id", reader)
			.query(String.class)
			.single()).isEqualTo("[\"\"]");
	}

	@Test
	void theLanguageAUserChoosesIsKeptForWhatIsWrittenToThem() {
		SignedIn session = TestLogins.signIn(mvc, username(reader), PASSWORD);
		assertThat(language(reader)).isNull();
		assertThat(mvc.get().uri("/notifications?lang=en").with(session)).hasStatusOk()
			.bodyText()
			.contains("My notifications");
		assertThat(language(reader)).isEqualTo("en");
		assertThat(mvc.get().uri("/notifications?lang=vi").with(session)).hasStatusOk();
		assertThat(language(reader)).isEqualTo("vi");
		// a visitor's choice is only a cookie
		assertThat(mvc.get().uri("/login?lang=en")).hasStatusOk();
	}

	private String language(long account) {
		return jdbc.sql("SELECT language FROM app_user WHERE id = :id")
			.param("id", account)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0);
	}

	private long notice(long account, String link, String what) {
		assertThat(notifications
			.notify(Notice.of("task.assigned", "notification.notice.taskAssigned", link, what).to(account)))
			.isEqualTo(1);
		return jdbc.sql("SELECT MAX(id) FROM notification WHERE recipient_id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	// NB: no email address: these tests are about the app, the mails are
	// NotificationMailTests'
	private long account(String name) {
		return accounts.create(new Accounts.NewAccount(AccessFixtures.unique("ntf-" + name).toLowerCase(),
				"Người đọc thông báo", null, PASSWORD, EnumSet.of(Role.ASSESSOR), null, null));
	}

	private String username(long id) {
		return accounts.find(id).orElseThrow().username();
	}

	private String bearer(long id) {
		return "Bearer " + tokens.issue(id, ApiTokens.Kind.PERSONAL, "notification tests", Duration.ofHours(1)).token();
	}

	private Document page(SignedIn session, String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(session).exchange();
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode read(org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request,
			int status) throws Exception {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatus(status);
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private long unread(long account) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :id AND read_at IS NULL")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	private long count(long account) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :id")
			.param("id", account)
			.query(Long.class)
			.single();
	}

}
