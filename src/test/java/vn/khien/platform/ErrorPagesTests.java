package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * An edited address answers the error page in the layout, naming what is wrong, never a
 * 500.
 */
@KhienTest
class ErrorPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Test
	void aBadFilterValueIsA400PageThatNamesTheParameter() {
		var officer = logins.session("officer");
		for (String uri : new String[] { "/assets?agency=abc", "/systems?level=abc", "/systems?critical=maybe",
				"/assets?page=-3", "/assets?sort=colour" }) {
			assertThat(mvc.get().uri(uri).with(officer)).as(uri)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyText()
				.contains("id=\"error-page\"")
				.contains("Yêu cầu không hợp lệ")
				.contains("id=\"current-user\"")
				.doesNotContain("Whitelabel");
		}
		assertThat(mvc.get().uri("/assets?agency=abc").with(officer)).bodyText().contains("Tham số &quot;agency&quot;");
		assertThat(mvc.get().uri("/assets?agency=abc&lang=en").with(officer)).bodyText()
			.contains("The parameter &quot;agency&quot; does not take the value &quot;abc&quot;");
	}

	@Test
	void aRecordOutOfScopeIsTheSame404PageAsOneThatDoesNotExist() {
		var officer = logins.session("officer");
		assertThat(mvc.get().uri("/agencies/999999999").with(officer)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("id=\"error-page\"")
			.contains("Không tìm thấy");
	}

}
