package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.AccessFixtures;
import vn.khien.FigureLinksTests;
import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * The imports history lists the jobs the user may open, under the job page's own rule:
 * operators the province's, an officer the ones they started for agencies in their scope.
 */
@KhienTest
class ImportHistoryPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ImportFixtures imports() {
		return new ImportFixtures(mvc, logins, new AccessFixtures(context));
	}

	Document page(String user, String uri) throws UnsupportedEncodingException {
		var result = mvc.get().uri(uri).with(logins.session(user)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost");
	}

	static Element row(Document page, String jobId) {
		return page.selectFirst("#import-table tr[data-job-id=" + jobId + "]");
	}

	@Test
	void theOperatorSeesAJobTheOfficerStartedWithEveryCountALink() throws Exception {
		var job = imports().preview("officer", "SYT");

		Element row = row(page("operator", "/imports?agency=" + job.agencyId()), job.id());
		assertThat(row).as("the officer's job in the operator's list").isNotNull();
		assertThat(row.select("td").eachText()).contains("Tài sản, thiết bị Xem trước", "hosts.csv", "Lý Thị Y Tế",
				"Thành công", "1", "Xem");
		assertThat(row.child(0).text()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
		assertThat(row.selectFirst(".badge.text-bg-success")).isNotNull();
		assertThat(row.select("a[title]").attr("href")).isEqualTo("/imports?agency=" + job.agencyId());

		var counts = row.select("td.text-end");
		assertThat(counts).hasSize(4);
		for (Element cell : counts) {
			assertThat(cell.select("a[href]")).as("the count in " + cell).hasSize(1);
			assertThat(cell.selectFirst("a").attr("href")).startsWith("/imports/" + job.id());
		}
		assertThat(counts.eachText()).containsExactly("1", "1", "0", "0");
		assertThat(FigureLinksTests.unlinked(row.ownerDocument())).as("the walk's rule on this page").isEmpty();

		// newest first, so the province's list opens on it
		assertThat(row(page("operator", "/imports"), job.id())).isNotNull();
		assertThat(row(page("operator", "/imports?lang=en&agency=" + job.agencyId()), job.id()).text())
			.contains("Assets and devices Preview", "Succeeded");
	}

	@Test
	void anOfficerDoesNotSeeAJobOfAnotherAgency() throws Exception {
		var own = imports().preview("officer", "SYT");
		var other = imports().preview("officer2", "SGDDT");
		// one the officer started for a unit no longer in their scope (as when it moved
		// to another department)
		String moved = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO import_job (id, module, kind, dry_run, state, file_id, agency_id, processed, counts,
				  created_by, created_at, attempts)
				SELECT :moved, module, kind, dry_run, state, file_id, :agency, processed, counts, created_by,
				  created_at, attempts FROM import_job WHERE id = :own""")
			.param("moved", moved)
			.param("agency", other.agencyId())
			.param("own", own.id())
			.update();

		Document officers = page("officer", "/imports");
		assertThat(row(officers, own.id())).isNotNull();
		assertThat(row(officers, other.id())).isNull();
		assertThat(row(officers, moved)).isNull();
		assertThat(page("officer", "/imports?agency=" + other.agencyId()).select("#import-table tbody tr")).isEmpty();

		Document operators = page("operator", "/imports?agency=" + other.agencyId());
		assertThat(row(operators, other.id())).isNotNull();
		assertThat(row(operators, moved)).isNotNull();
	}

	@Test
	void theFiltersNarrowTheListAndTheMenuLeadsThereForWhoImports() throws Exception {
		var failed = imports().failed("officer", "SYT");
		String unit = "&agency=" + failed.agencyId();

		Element row = row(page("officer", "/imports?state=failed&kind=assets" + unit), failed.id());
		assertThat(row).isNotNull();
		assertThat(row.selectFirst(".badge.text-bg-danger").text()).isEqualTo("Thất bại");
		assertThat(row.select("td.text-end a").last().attr("href")).isEqualTo("/imports/" + failed.id() + "#job-error");
		assertThat(row(page("officer", "/imports?state=succeeded" + unit), failed.id())).isNull();
		assertThat(row(page("officer", "/imports?kind=coverage" + unit), failed.id())).isNull();

		Document filtered = page("officer", "/imports?state=failed" + unit);
		assertThat(filtered.select("#state option[selected]").attr("value")).isEqualTo("failed");
		String code = jdbc.sql("SELECT code FROM agency WHERE id = :id")
			.param("id", failed.agencyId())
			.query(String.class)
			.single();
		assertThat(filtered.select("#agency").attr("value")).isEqualTo(code + " — Đơn vị ma trận " + code);

		assertThat(page("officer", "/").select("a[href=/imports]")).isNotEmpty();
		assertThat(page("operator", "/").select("a[href=/imports]")).isNotEmpty();
		assertThat(page("police", "/").select("a[href=/imports]")).isEmpty();
	}

	@Test
	void aPageHoldsFiftyJobsNewestFirstAndTheNextPageTheRest() throws Exception {
		var job = imports().preview("officer", "SYT");
		for (int i = 1; i <= 54; i++) {
			jdbc.sql("""
					INSERT INTO import_job (id, module, kind, dry_run, state, file_id, agency_id, processed, counts,
					  created_by, created_at, attempts)
					SELECT :id, module, kind, dry_run, state, file_id, agency_id, processed, counts, created_by, :at,
					  attempts FROM import_job WHERE id = :job""")
				.param("id", UUID.randomUUID().toString())
				.param("at", Timestamp.from(Instant.now().minus(i, ChronoUnit.HOURS)))
				.param("job", job.id())
				.update();
		}

		Document first = page("operator", "/imports?agency=" + job.agencyId());
		assertThat(first.select("#import-count").text()).isEqualTo("55 lần nhập");
		var rows = first.select("#import-table tbody tr");
		assertThat(rows).hasSize(50);
		assertThat(rows.first().attr("data-job-id")).isEqualTo(job.id());
		assertThat(first.select(".pagination .page-item.disabled").eachText()).containsExactly("Đầu", "Trước",
				"Trang 1 / 2");
		String next = first.select(".pagination a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/imports?agency=" + job.agencyId() + "&page=1");

		Document second = page("operator", next);
		assertThat(second.select("#import-table tbody tr")).hasSize(5);
		assertThat(second.select(".pagination .page-item.disabled").eachText()).containsExactly("Trang 2 / 2", "Sau",
				"Cuối");
	}

	@Test
	void anUnknownStateKindOrAgencyInTheAddressIsA400NamingTheParameter() {
		assertThat(mvc.get().uri("/imports?state=done").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("id=\"error-page\"")
			.contains("Tham số &quot;state&quot; không nhận giá trị &quot;done&quot;");
		assertThat(mvc.get().uri("/imports?state=FAILED").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/imports?kind=hosts").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Tham số &quot;kind&quot; không nhận giá trị &quot;hosts&quot;");
		assertThat(mvc.get().uri("/imports?agency=SYT").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/imports?agency=999999999").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/imports?state=&kind=&agency=").with(logins.session("operator"))).hasStatusOk();
	}

}
