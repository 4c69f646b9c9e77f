package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.khien.registry.Agencies;

/**
 * Drives the real pages in headless Chromium. The only test with its own (servlet container)
 * context, and one browser for every test. Skipped where Chromium is not installed, failed instead
 * with {@code -Dkhien.browser.required=true} (as CI runs it); {@code -Dkhien.browser.chromium=...} and
 * {@code -Dkhien.browser.chromedriver=...} point elsewhere than Debian's paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserFlowTests {

	static final boolean REQUIRED = Boolean.getBoolean("khien.browser.required");

	static final String CHROMIUM = System.getProperty("khien.browser.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("khien.browser.chromedriver", "/usr/bin/chromedriver");

	static WebDriver driver;

	static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	Agencies agencies;

	@BeforeAll
	static void startBrowser() throws IOException {
		String missing = Stream.of(CHROMIUM, CHROMEDRIVER)
			.filter(path -> !new File(path).canExecute())
			.collect(Collectors.joining(" and "));
		if (!missing.isEmpty()) {
			String why = "Chromium not installed (no " + missing
					+ "); install it with: apt-get install chromium chromium-driver";
			if (REQUIRED) {
				Assertions.fail(why + ". The browser tests are required here (khien.browser.required=true).");
			}
			System.out.println(why + ": browser tests skipped");
			Assumptions.abort(why + ": browser tests skipped");
		}
		// NB: an explicit driver and binary keep Selenium Manager from looking anything up or downloading
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		profile = Files.createTempDirectory("khien-chromium-");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync",
				"--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath());
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	void signInAsOperator() {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys("operator");
		driver.findElement(By.id("password")).sendKeys(TestLogins.DEMO_PASSWORD);
		driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
		assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("Nguyễn Văn Điều Hành");
	}

	/** Creates an agency under SYT through the form and returns its code. */
	String createAgencyUnderHealthDepartment(String suffix) {
		String code = "BRW-" + suffix;
		long health = agencies.findByCode("SYT").orElseThrow().id();
		driver.get(url("/agencies/new?lang=vi"));
		driver.findElement(By.id("code")).sendKeys(code);
		driver.findElement(By.id("name")).sendKeys(name(suffix));
		new Select(driver.findElement(By.id("parentId"))).selectByValue(String.valueOf(health));
		driver.findElement(By.id("save")).click();
		waiting().until(ExpectedConditions.urlMatches("/agencies/[0-9]+$"));
		assertThat(agencies.findByCode(code)).get().satisfies(a -> assertThat(a.parentId()).isEqualTo(health));
		return code;
	}

	static String name(String suffix) {
		return "Trung tâm thử nghiệm trình duyệt " + suffix;
	}

	@Test
	void operatorCreatesAnAgencyUnderTheHealthDepartmentAndSwitchesToEnglish() {
		signInAsOperator();
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		createAgencyUnderHealthDepartment(suffix);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name(suffix));

		driver.get(url("/agencies/new"));
		driver.findElement(By.id("switch-language")).click();
		waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "New agency"));
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(driver.findElement(By.id("switch-language")).getText()).isEqualTo("Tiếng Việt");
		driver.findElement(By.id("current-user")).click();
		waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "My account"));
		driver.findElement(By.id("switch-language")).click();
		waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Tài khoản của tôi"));
	}

	@Test
	void operatorFindsANewAgencyMarkedInTheTreeAndSwitchesToEnglish() {
		signInAsOperator();
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String code = createAgencyUnderHealthDepartment(suffix);
		driver.get(url("/agencies"));
		// the tree filters as the user types (htmx), without submitting the form
		driver.findElement(By.id("q")).sendKeys(suffix);
		var marked = By.cssSelector("#agency-tree a[data-code='" + code + "'] mark");
		waiting().until(ExpectedConditions.presenceOfElementLocated(marked));
		assertThat(driver.findElement(marked).getText()).isEqualTo(name(suffix));
		assertThat(driver.getCurrentUrl()).contains("q=" + suffix);
		driver.findElement(By.id("switch-language")).click();
		waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Agencies"));
	}
}
