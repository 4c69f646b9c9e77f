package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.platform.security.Totp;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;

/**
 * Drives the real pages in headless Chromium. The only test with its own (servlet
 * container) context, and one browser for every test. Skipped where Chromium is not
 * installed, failed instead with {@code -Dkhien.browser.required=true} (as CI runs it);
 * {@code -Dkhien.browser.chromium=...} and {@code -Dkhien.browser.chromedriver=...} point
 * elsewhere than Debian's paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserFlowTests {

	static final boolean REQUIRED = Boolean.getBoolean("khien.browser.required");

	static final String CHROMIUM = System.getProperty("khien.browser.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("khien.browser.chromedriver", "/usr/bin/chromedriver");

	/**
	 * Enough rows that the job is still running when its page comes up, with margin: the
	 * job saves its progress every 1,000 records, the page's event stream reads it every
	 * 500 ms, and 20,000 records take 0.8 s to 2.5 s here (several figures shown on a
	 * cold server, one on a warm one).
	 */
	static final int IMPORTED_ROWS = 20_000;

	static WebDriver driver;

	static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

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
		// NB: an explicit driver and binary keep Selenium Manager from looking anything
		// up or downloading
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

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
	}

	/**
	 * Signs in through the form in a fresh session (the browser is shared by every test).
	 */
	void signIn(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		submitLogin(username, password, null);
		// NB: wait for the name itself: a "present, then read" pair raced with the page
		// being replaced
		String name = accounts.findByUsername(username).orElseThrow().displayName();
		waiting().until(ExpectedConditions.textToBe(By.id("current-user"), name));
	}

	void signInAsOperator() {
		signIn("operator", TestLogins.DEMO_PASSWORD);
	}

	/** Fills in the login form of the page shown and submits it. */
	void submitLogin(String username, String password, @Nullable String code) {
		type(By.id("username"), username);
		type(By.id("password"), password);
		if (code != null) {
			type(By.id("totp"), code);
		}
		driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
	}

	void type(By field, String text) {
		WebElement input = driver.findElement(field);
		input.clear();
		input.sendKeys(text);
	}

	/** Types into an entity picker and chooses the option with the given value. */
	void pick(String picker, String text, long value) {
		type(By.id(picker), text);
		var option = By.cssSelector("#" + picker + "-options [data-value='" + value + "']");
		waiting().until(ExpectedConditions.elementToBeClickable(option)).click();
	}

	void signOut() {
		driver.findElement(By.cssSelector("form[action$='/logout'] button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlContains("/login?logout"));
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
		String suffix = suffix();
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
	void aCitizenReportsAFakeBankPageAndFollowsItByItsCode() {
		driver.get(url("/incident-report?lang=vi"));
		type(By.id("description"), "Tin nhắn giả mạo ngân hàng dẫn tới trang lừa đảo");
		type(By.id("url"), "http://vietcombank-xacthuc.example/login");
		type(By.id("contact"), "nguoidan@example.org");
		// NB: brought to the middle first: at the foot of the window something of the
		// page
		// may lie over it, and Chromium refuses the click
		clickCentred(By.cssSelector("#public-report-form button[type=submit]"));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-code")));
		String code = driver.findElement(By.id("tracking-code")).getText();
		assertThat(code).hasSize(20);
		driver.findElement(By.linkText("Theo dõi báo cáo")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("public-status")));
		assertThat(driver.findElement(By.id("public-status")).getText()).contains("Đã tiếp nhận");
	}

	@Test
	void anOfficerChoosesADateAndSeesWhichRulePackIsInForce() {
		signIn("officer", TestLogins.DEMO_PASSWORD);
		driver.get(url("/rule-packs"));
		((JavascriptExecutor) driver).executeScript("document.getElementById('date').value = '2026-03-01'");
		driver.findElement(By.cssSelector("#pack-date button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pack-in-force"), "vn-2016-nd85"));
		driver.findElement(By.cssSelector("#pack-in-force a")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pack-criteria")));
		assertThat(driver.findElement(By.id("pack-criteria")).getText())
			.contains("Điều 9 khoản 2 điểm c, 85/2016/NĐ-CP");
	}

	@Test
	void operatorFindsANewAgencyMarkedInTheTreeAndSwitchesToEnglish() {
		signInAsOperator();
		String suffix = suffix();
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

	@Test
	void operatorFiltersHostsByAnAgencyPickedByTypingItsNameWithoutDiacritics() {
		signInAsOperator();
		long health = agencies.findByCode("SYT").orElseThrow().id();
		driver.get(url("/assets"));
		pick("agency", "so y te", health);
		assertThat(driver.findElement(By.id("agency")).getAttribute("value")).isEqualTo("SYT — Sở Y tế");
		assertThat(driver.findElements(By.cssSelector("#agency-options li"))).as("the options close").isEmpty();
		driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlContains("agency=" + health));
		assertThat(driver.findElement(By.id("agency")).getAttribute("value")).as("the choice is shown again")
			.isEqualTo("SYT — Sở Y tế");
		// the health department's hosts and those of its units, by code
		var inHealth = jdbc.sql("SELECT code FROM agency WHERE id = :id OR parent_id = :id")
			.param("id", health)
			.query(String.class)
			.set();
		assertThat(driver.findElements(By.cssSelector("#asset-table tbody td:nth-child(4)"))).isNotEmpty()
			.allSatisfy(cell -> assertThat(inHealth).contains(cell.getText().split(" — ")[0]));
	}

	@Test
	void officerPreviewsALargeAssetFileWithProgressThenConfirmsIt() throws IOException {
		String suffix = suffix();
		long health = agencies.findByCode("SYT").orElseThrow().id();
		String code = "BRW-IMP-" + suffix;
		long unit = agencyManagement
			.create(new AgencyManagement.AgencyDetails(code, name(suffix), AgencyKind.PUBLIC_SERVICE_UNIT, health, null,
					null, null, null, null))
			.id();
		// NB: network devices, outside anti-malware coverage, so the shared test
		// database's coverage figures stay
		Path csv = Files.createTempFile(profile, "assets-", ".csv");
		var rows = new StringBuilder("kind,hostname,os\n");
		for (int i = 1; i <= IMPORTED_ROWS; i++) {
			rows.append("thiết bị mạng,sw-")
				.append(i)
				.append('.')
				.append(suffix.toLowerCase(Locale.ROOT))
				.append(".syt.example.vn,RouterOS 7\n");
		}
		Files.writeString(csv, rows);

		signIn("officer", TestLogins.DEMO_PASSWORD);
		driver.get(url("/assets/import"));
		driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		pick("agency", code, unit);
		new Select(driver.findElement(By.id("format"))).selectByValue("csv");
		driver.findElement(By.cssSelector("#asset-import-form button[type=submit]")).click();

		long started = System.nanoTime();
		List<Long> preview = followJobFrom(url("/assets/import"));
		long previewed = System.nanoTime();
		// NB: a warm server may finish before the page shows a figure; whatever it showed
		// only went up
		assertThat(preview).as("records read, as the progress page showed them")
			.isSorted()
			.allMatch(n -> n <= IMPORTED_ROWS);
		assertThat(summary()).containsEntry("parsed", (long) IMPORTED_ROWS)
			.containsEntry("created", (long) IMPORTED_ROWS)
			.containsEntry("updated", 0L)
			.containsEntry("unchanged", 0L);
		assertThat(assetsOf(unit)).as("a preview writes nothing").isZero();

		String previewPage = driver.getCurrentUrl();
		driver.findElement(By.id("confirm-import")).click();
		List<Long> commit = followJobFrom(previewPage);
		long imported = System.nanoTime();
		assertThat(commit).as("records read, as the progress page showed them")
			.isSorted()
			.allMatch(n -> n <= IMPORTED_ROWS);
		assertThat(summary()).containsEntry("parsed", (long) IMPORTED_ROWS)
			.containsEntry("created", (long) IMPORTED_ROWS)
			.containsEntry("updated", 0L);
		assertThat(driver.findElements(By.id("confirm-import"))).as("the import itself is not confirmed again")
			.isEmpty();
		assertThat(assetsOf(unit)).isEqualTo(IMPORTED_ROWS);
		System.out.printf("asset import of %d rows, records read as shown: preview %s (%d ms), import %s (%d ms)%n",
				IMPORTED_ROWS, preview, (previewed - started) / 1_000_000, commit, (imported - previewed) / 1_000_000);
	}

	/**
	 * Waits on an import job's page, as it follows the job (server-sent events, then a
	 * reload), until the summary shows; returns the distinct "records read" figures the
	 * progress part showed on the way.
	 */
	List<Long> followJobFrom(String previousUrl) {
		waiting().until(ExpectedConditions.and(ExpectedConditions.urlMatches("/imports/[^/]+$"),
				ExpectedConditions.not(ExpectedConditions.urlToBe(previousUrl))));
		List<Long> seen = new ArrayList<>();
		String outcome = new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(d -> {
				if (!d.findElements(By.id("job-summary")).isEmpty()) {
					return "summary";
				}
				if (!d.findElements(By.id("job-error")).isEmpty()) {
					return d.findElement(By.id("job-error")).getText();
				}
				for (WebElement processed : d.findElements(By.id("job-processed"))) {
					long value = Long.parseLong("0" + processed.getText().replaceAll("[^0-9]", ""));
					if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
						seen.add(value);
					}
				}
				return null;
			});
		assertThat(outcome).as("import job outcome").isEqualTo("summary");
		return seen;
	}

	/** The counts of the job summary shown, by their key. */
	Map<String, Long> summary() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (WebElement cell : driver.findElements(By.cssSelector("#job-summary td[data-count]"))) {
			counts.put(cell.getAttribute("data-count"), Long.parseLong(cell.getText().replaceAll("[^0-9]", "")));
		}
		return counts;
	}

	long assetsOf(long agencyId) {
		return jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id = :a")
			.param("a", agencyId)
			.query(Long.class)
			.single();
	}

	@Test
	void operatorSeesTheCoverageChartsDrawnFromTheirData() {
		signInAsOperator();
		driver.get(url("/coverage"));
		var perAgency = drawnChart("coverage-chart");
		assertThat(perAgency.categories()).as("agencies in the chart").isNotEmpty().allMatch(c -> !c.isBlank());
		assertThat(perAgency.values()).hasSameSizeAs(perAgency.categories())
			.allMatch(percent -> percent.doubleValue() >= 0 && percent.doubleValue() <= 100);
		var trend = drawnChart("coverage-trend");
		assertThat(trend.categories()).as("days in the trend").isNotEmpty();
		assertThat(trend.values()).hasSameSizeAs(trend.categories());
	}

	record Chart(List<String> categories, List<Number> values) {
	}

	/**
	 * Waits until the ECharts chart in the element is drawn, and returns what it was
	 * given to draw.
	 */
	@SuppressWarnings("unchecked")
	Chart drawnChart(String id) {
		var canvas = By.cssSelector("#" + id + " canvas");
		waiting().until(ExpectedConditions.presenceOfElementLocated(canvas));
		var size = driver.findElement(canvas).getSize();
		assertThat(size.getWidth()).isPositive();
		assertThat(size.getHeight()).isPositive();
		// no "could not load" or "no data" message in place of the chart
		assertThat(driver.findElements(By.cssSelector("#" + id + " > p"))).isEmpty();
		var option = (Map<String, List<?>>) ((JavascriptExecutor) driver).executeScript("""
				const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
				return { categories: option.xAxis[0].data, values: option.series[0].data };""", id);
		return new Chart((List<String>) option.get("categories"), (List<Number>) option.get("values"));
	}

	@Test
	void newUserEnrolsASecondFactorAndSignsInWithACode() {
		String username = "totp-" + suffix().toLowerCase(Locale.ROOT);
		String password = "browser-totp-password-" + suffix();
		accounts.create(new Accounts.NewAccount(username, "Người Dùng Hai Lớp", null, password,
				EnumSet.of(Role.ASSESSOR), null, null));
		signIn(username, password);

		driver.get(url("/account/totp"));
		String secret = driver.findElement(By.id("totp-secret")).getText().replace(" ", "");
		var totp = new Totp();
		long step = Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
		String enrolled = totp.codeAt(secret, Instant.ofEpochSecond(step * Totp.STEP_SECONDS));
		type(By.id("code"), enrolled);
		driver.findElement(By.cssSelector("#totp-form button[type=submit]")).click();
		waiting().until(ExpectedConditions.urlMatches("/account$"));
		assertThat(driver.findElements(By.cssSelector("#totp-status .text-bg-success"))).hasSize(1);
		assertThat(accounts.findByUsername(username).orElseThrow().totpEnabled()).isTrue();

		signOut();
		submitLogin(username, password, null);
		waiting().until(ExpectedConditions.urlContains("/login?totp"));
		// the enrolment code again is a replay: its time step was used
		submitLogin(username, password, enrolled);
		waiting().until(ExpectedConditions.urlContains("/login?error"));
		// NB: the next step's code is accepted already, the server allowing
		// Totp.DRIFT_STEPS = 1, so no waiting
		String next = totp.codeAt(secret, Instant.ofEpochSecond((step + 1) * Totp.STEP_SECONDS));
		submitLogin(username, password, next);
		waiting().until(ExpectedConditions.textToBe(By.id("current-user"), "Người Dùng Hai Lớp"));
	}

	@Test
	void anEditedAddressShowsTheErrorPageWithinTheLayout() {
		signInAsOperator();
		driver.get(url("/systems?level=abc&lang=vi"));
		WebElement error = driver.findElement(By.id("error-page"));
		assertThat(error.getAttribute("data-status")).isEqualTo("400");
		assertThat(error.findElement(By.className("lead")).getText()).as("the message names the parameter")
			.contains("\"level\"")
			.contains("\"abc\"");
		assertThat(driver.findElements(By.cssSelector("#mainNav .dropdown-toggle"))).as("the menu").isNotEmpty();
		assertThat(driver.findElement(By.id("current-user")).getText())
			.isEqualTo(accounts.findByUsername("operator").orElseThrow().displayName());

		driver.get(url("/khong-co-trang-nay"));
		assertThat(driver.findElement(By.id("error-page")).getAttribute("data-status")).isEqualTo("404");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy");
		assertThat(driver.findElements(By.cssSelector("#mainNav .dropdown-toggle"))).isNotEmpty();
	}

	@Test
	void operatorOpensTheHostsBehindTheHealthDepartmentsFigure() {
		signInAsOperator();
		long health = agencies.findByCode("SYT").orElseThrow().id();
		driver.get(url("/agencies/" + health + "?lang=vi"));
		var cards = By.cssSelector("#agency-standing + .row a.figure");
		assertThat(driver.findElements(cards))
			.as("the standing: agencies and focal points, levels, systems, hosts, coverage, findings, incidents…")
			.hasSizeGreaterThanOrEqualTo(15);
		WebElement hosts = driver
			.findElement(By.cssSelector("#agency-standing + .row a.figure[href$='/assets?agency=" + health + "']"));
		String figure = digits(hosts.getText());
		assertThat(Long.parseLong(figure)).as("hosts of the health department and its units").isPositive();
		hosts.click();
		waiting().until(ExpectedConditions.urlContains("/assets?agency=" + health));
		assertThat(digits(driver.findElement(By.id("asset-count")).getText())).as("the list's total").isEqualTo(figure);
	}

	static String digits(String text) {
		return text.replaceAll("[^0-9]", "");
	}

	@Test
	void systemsSortedByNameFollowTheVietnameseAlphabet() {
		signInAsOperator();
		driver.get(url("/systems?sort=name&lang=vi"));
		List<String> names = driver.findElements(By.cssSelector("#systems tbody td:nth-child(2)"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(names).hasSizeGreaterThan(10);
		var collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		assertThat(names).isEqualTo(names.stream().sorted(collator).toList());
		// NB: "Cổng" before "Cơ sở", "đất đai" between "bệnh viện" and "giải quyết": the
		// demo systems tell this order from that of the code points
		assertThat(names).as("a page whose order code points would not give")
			.isNotEqualTo(names.stream().sorted().toList());
	}

	private void clickCentred(By locator) {
		WebElement element = driver.findElement(locator);
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	@Test
	void aPhoneShowsTheSystemsWithoutSidewaysScrollAndTheFiltersFolded() {
		signInAsOperator();
		Dimension before = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			for (String page : List.of("/", "/agencies", "/systems", "/assets", "/coverage")) {
				driver.get(url(page));
				assertThat(horizontalOverflow()).as(page + " scrolls sideways by").isZero();
			}
			driver.get(url("/systems?level=3&critical=true&lang=vi"));
			WebElement toggle = driver.findElement(By.cssSelector("#system-filters .filter-toggle"));
			assertThat(toggle.getText()).startsWith("Bộ lọc").contains("2");
			assertThat(driver.findElement(By.id("q")).isDisplayed()).as("the fields, folded").isFalse();
			assertThat(driver.findElement(By.id("level")).isDisplayed()).isFalse();
			toggle.click();
			// NB: "show" comes once the fields have slid open; until then the lower ones
			// are clipped
			waiting().until(ExpectedConditions.attributeContains(By.id("system-filters-fields"), "class", "show"));
			assertThat(driver.findElement(By.id("q")).isDisplayed()).as("the fields, unfolded").isTrue();
			assertThat(driver.findElement(By.id("level")).isDisplayed()).isTrue();
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
			assertThat(horizontalOverflow()).as("unfolded, /systems scrolls sideways by").isZero();
		}
		finally {
			driver.manage().window().setSize(before);
		}
	}

	/** How much wider than the window (its scroll bar left out) the page is. */
	long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

}
