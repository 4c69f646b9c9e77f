package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/** The audit page says what happened in words, names people, and reads states. */
@KhienTest
class AuditPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail trail;

	/**
	 * A user created and renamed by the administrator, through the API and the page: two
	 * entries by {@code admin}.
	 */
	long renamedUser(String before, String after) {
		String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(mvc.post()
			.uri("/api/v1/users")
			.header("Authorization", logins.bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"%s","email":"kiem-toan@example.vn",
					 "password":"a-long-enough-password","roles":["ASSESSOR"]}""".formatted(username, before)))
			.hasStatus(HttpStatus.CREATED);
		long id = accounts.findByUsername(username).orElseThrow().id();
		assertThat(mvc.post()
			.uri("/admin/users/{id}", id)
			.with(logins.session("admin"))
			.with(csrf())
			.param("displayName", after)
			.param("email", "kiem-toan@example.vn")).hasStatus(HttpStatus.FOUND);
		return id;
	}

	long seq(long userId, String action) {
		return trail
			.search(new AuditTrail.Filter(null, action, "user", String.valueOf(userId), null, null),
					PageQuery.of(0, 1, null))
			.items()
			.get(0)
			.seq();
	}

	static String page(MockMvcTester.MockMvcRequestBuilder request) {
		var result = request.exchange();
		assertThat(result).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The page's row of one entry, from its opening to the next entry's. */
	static String row(String page, long seq) {
		int start = page.indexOf("id=\"entry-" + seq + "\"");
		assertThat(start).as("row of entry " + seq).isPositive();
		int next = page.indexOf("class=\"audit-entry\"", start);
		return page.substring(start, next < 0 ? page.indexOf("</tbody>", start) : next);
	}

	@Test
	void entriesAreShownInWordsWithTheActorByNameAndTheChangeAsATable() {
		long id = renamedUser("Trần Thị Cũ", "Trần Thị Mới");
		long admin = accounts.findByUsername("admin").orElseThrow().id();
		String adminName = accounts.findByUsername("admin").orElseThrow().displayName();
		String page = page(mvc.get().uri("/audit?entityType=user&entityId={id}", id).with(logins.session("admin")));

		String update = row(page, seq(id, "UPDATE"));
		assertThat(update).contains(">Cập nhật</a>")
			.contains(">Tài khoản người dùng #" + id + "</a>")
			.contains("href=\"/admin/users/" + admin + "\">" + adminName + "</a>")
			.contains("href=\"/audit?actor=admin\"")
			.contains("href=\"/admin/users/" + id + "\">Trần Thị Mới</a>")
			.contains("audit-changes");
		assertThat(update).containsPattern(Pattern.compile(
				"table-warning audit-changed\">\\s*<th scope=\"row\" class=\"fw-normal\"><code>displayName</code>.*?"
						+ "<td class=\"text-break\">Trần Thị Cũ</td>\\s*<td class=\"text-break\">Trần Thị Mới</td>",
				Pattern.DOTALL));
		// an unchanged field is listed, not flagged
		assertThat(update).containsPattern(Pattern
			.compile("<tr>\\s*<th scope=\"row\" class=\"fw-normal\"><code>email</code>\\s*</th>", Pattern.DOTALL));
		assertThat(update).contains("<details", "<summary>Dữ liệu gốc (JSON)</summary>",
				"{&quot;displayName&quot;:&quot;Trần Thị Cũ&quot;");

		String create = row(page, seq(id, "CREATE"));
		assertThat(create).contains(">Thêm mới</a>", "audit-values", "<th scope=\"col\">Giá trị</th>")
			.doesNotContain("audit-changed");
	}

	@Test
	void theActionFilterIsAListOfKnownActionsInVietnameseOrder() {
		String page = page(mvc.get().uri("/audit?action=UPDATE&entityType=user").with(logins.session("police")));
		assertThat(page).contains("<select id=\"action\" name=\"action\"", "<option value=\"\">Tất cả</option>",
				"<option value=\"UPDATE\" selected=\"selected\">Cập nhật</option>",
				"<option value=\"LOGIN_FAILURE\">Đăng nhập không thành công</option>");
		var labels = new ArrayList<String>();
		var option = Pattern.compile("<option value=\"[A-Z_]+\"[^>]*>([^<]+)</option>").matcher(page);
		while (option.find()) {
			labels.add(option.group(1));
		}
		assertThat(labels).hasSizeGreaterThan(20).isEqualTo(VietnameseText.sorted(labels, l -> l));
		assertThat(labels.indexOf("Đăng nhập")).isGreaterThan(labels.indexOf("Dùng mã truy cập"));
	}

	@Test
	void whoMayNotOpenAccountsSeesNamesWithoutLinksAndEnglishReadsEnglish() {
		long id = renamedUser("Lê Văn Trước", "Lê Văn Sau");
		String adminName = accounts.findByUsername("admin").orElseThrow().displayName();
		String page = page(
				mvc.get().uri("/audit?entityType=user&entityId={id}&lang=en", id).with(logins.session("police")));
		String update = row(page, seq(id, "UPDATE"));
		assertThat(update)
			.contains("<span>" + adminName + "</span>", ">Updated</a>", ">User account #" + id,
					"<span class=\"small\">Lê Văn Sau</span>", "<th scope=\"col\">Before</th>")
			.doesNotContain("/admin/users/");
		assertThat(page).contains("<option value=\"\">All</option>");
	}

	@Test
	void backgroundWorkIsTheSystemInWords() {
		List<AuditEntry> demo = trail
			.search(new AuditTrail.Filter("system:demo-data", null, null, null, null, null), PageQuery.of(0, 1, null))
			.items();
		assertThat(demo).isNotEmpty();
		assertThat(mvc.get().uri("/audit?actor=system:demo-data&size=5").with(logins.session("police"))).hasStatusOk()
			.bodyText()
			.contains("<span>Hệ thống (nạp dữ liệu mẫu)</span>")
			.contains(">system:demo-data</a>");
	}

	@Test
	void anUnknownActionInTheAddressIsA400NamingTheParameter() {
		assertThat(mvc.get().uri("/audit?action=agency.create").with(logins.session("police")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("id=\"error-page\"")
			.contains("Tham số &quot;action&quot; không nhận giá trị &quot;agency.create&quot;");
		assertThat(mvc.get().uri("/audit").param("action", "<b>x</b>").with(logins.session("police")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.doesNotContain("<b>x</b>");
		assertThat(mvc.get().uri("/audit?action=").with(logins.session("police"))).hasStatusOk();
	}

}
