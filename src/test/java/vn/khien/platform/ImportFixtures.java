package vn.khien.platform;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import vn.khien.AccessFixtures;
import vn.khien.TestLogins;

/**
 * Asset imports into a new unit of an agency, started through the API by an officer of
 * that agency and waited for: a successful preview, or an import that failed (a bad
 * address).
 */
final class ImportFixtures {

	/** A finished job and the unit it imported into. */
	record Job(String id, long agencyId) {
	}

	private final MockMvcTester mvc;

	private final TestLogins logins;

	private final AccessFixtures fixtures;

	ImportFixtures(MockMvcTester mvc, TestLogins logins, AccessFixtures fixtures) {
		this.mvc = mvc;
		this.logins = logins;
		this.fixtures = fixtures;
	}

	/** A dry-run import of one host, succeeded. */
	Job preview(String officer, String agencyCode) {
		return job(officer, agencyCode, true);
	}

	/** An import that failed on a bad address: one a retry can be asked for. */
	Job failed(String officer, String agencyCode) {
		return job(officer, agencyCode, false);
	}

	private Job job(String officer, String agencyCode, boolean preview) {
		try {
			return tryJob(officer, agencyCode, preview);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Job tryJob(String officer, String agencyCode, boolean preview) throws UnsupportedEncodingException {
		var unit = fixtures.unit(agencyCode);
		String csv = preview ? "kind,hostname\nSERVER," + unit.code().toLowerCase() + "-srv\n"
				: "kind,hostname,addresses\nSERVER," + unit.code().toLowerCase() + "-srv,10.0.0.999\n";
		String body = upload(officer, unit.code(), csv, preview);
		if (!body.contains("jobId")) {
			throw new IllegalStateException("fixture upload refused: " + body);
		}
		return await(officer, JsonPath.read(body, "$.jobId"), unit.id(), preview);
	}

	private String upload(String officer, String agency, String csv, boolean preview)
			throws UnsupportedEncodingException {
		return mvc.post()
			.uri("/api/v1/imports/assets")
			.multipart()
			.file(new MockMultipartFile("file", "hosts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("agency", agency)
			.param("dryRun", String.valueOf(preview))
			.header("Authorization", logins.bearer(officer))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Job await(String officer, String id, long unitId, boolean preview) throws UnsupportedEncodingException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			String status = mvc.get()
				.uri("/api/v1/imports/{id}", id)
				.header("Authorization", logins.bearer(officer))
				.exchange()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			String state = JsonPath.read(status, "$.state");
			if (state.equals(preview ? "succeeded" : "failed")) {
				return new Job(id, unitId);
			}
			if (state.equals("failed") || state.equals("succeeded")) {
				throw new IllegalStateException("fixture job ended " + state + ": " + status);
			}
			sleep();
		}
		throw new IllegalStateException("fixture job did not finish");
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
