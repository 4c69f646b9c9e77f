package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * The Bootstrap Icons font: linked by the layout, and its CSS and the font files that CSS
 * names (relative to itself) served from the application, as the CSP
 * ({@code font-src 'self'}) requires.
 */
@KhienTest
class IconsPageTests {

	private static final Pattern STYLESHEET = Pattern
		.compile("<link rel=\"stylesheet\" href=\"(/webjars/bootstrap-icons/[^\"]+\\.css)\">");

	private static final Pattern FONT = Pattern.compile("url\\(\"?(fonts/bootstrap-icons\\.woff2[^\")]*)\"?\\)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Test
	void theLayoutLinksTheIconFontServedFromTheApplication() throws Exception {
		MvcTestResult home = mvc.get().uri("/").with(logins.session("operator")).exchange();
		assertThat(home).hasStatusOk();
		assertThat(home.getResponse().getHeader("Content-Security-Policy")).contains("font-src 'self'");
		Matcher link = STYLESHEET.matcher(home.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(link.find()).as("the layout links the icons' CSS").isTrue();

		URI css = URI.create(link.group(1));
		MvcTestResult stylesheet = mvc.get().uri(css).exchange();
		assertThat(stylesheet).hasStatusOk();
		Matcher font = FONT.matcher(stylesheet.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(font.find()).as("the CSS names its woff2 font").isTrue();

		URI woff2 = css.resolve(font.group(1));
		assertThat(woff2.getPath()).startsWith("/webjars/bootstrap-icons/");
		MvcTestResult file = mvc.get().uri(woff2).exchange();
		assertThat(file).hasStatusOk();
		assertThat(file.getResponse().getContentAsByteArray()).as("a WOFF2 file").startsWith('w', 'O', 'F', '2');
	}

	@Test
	void menusAndMainActionsCarryIconsHiddenFromScreenReaders() {
		assertThat(mvc.get().uri("/assets").with(logins.session("operator"))).hasStatusOk()
			.bodyText()
			.contains("<i class=\"bi bi-building\" aria-hidden=\"true\"></i>")
			.contains("<i class=\"bi bi-diagram-3 me-2\" aria-hidden=\"true\"></i>")
			.contains("<i class=\"bi bi-plus-lg\" aria-hidden=\"true\"></i> <span>", "id=\"new-asset\"")
			.contains("<i class=\"bi bi-download\" aria-hidden=\"true\"></i> <span>")
			.doesNotContain("🛡");
	}

}
