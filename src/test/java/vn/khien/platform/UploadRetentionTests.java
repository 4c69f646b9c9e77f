package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;

/**
 * The retention purge on the shared database with the default retention (365 days):
 * uploads made here are dated back with SQL, so uploads of other tests, all recent, are
 * never touched.
 */
@KhienTest
class UploadRetentionTests {

	static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(400));

	@Autowired
	FileStore files;

	@Autowired
	UploadRetention retention;

	@Autowired
	ImportJobs importJobs;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MessageSource messages;

	static long agency() {
		return UploadQuotaTests.freshAgency();
	}

	FileStore.StoredFile upload(long agency, byte[] bytes) {
		return files.storeFor(agency, new ByteArrayInputStream(bytes), "may-chu.csv", "text/csv", 1_000_000);
	}

	static byte[] unique() {
		return ("kind,hostname\nserver," + UUID.randomUUID() + ".example.vn\n").getBytes();
	}

	void dateBack(FileStore.StoredFile file) {
		jdbc.sql("UPDATE stored_file SET uploaded_at = :at WHERE id = :id")
			.param("at", Timestamp.from(LONG_AGO))
			.param("id", file.id())
			.update();
	}

	FileStore.StoredFile reread(FileStore.StoredFile file) {
		return files.find(file.id()).orElseThrow();
	}

	boolean onDisk(FileStore.StoredFile file) {
		return Files.exists(files.pathOf(file.sha256()));
	}

	String job(FileStore.StoredFile file, String state, boolean dryRun) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO import_job (id, module, kind, dry_run, state, file_id, processed, created_by, created_at)
				VALUES (:id, 'platform', 'retention-test', :dryRun, :state, :file, 0, 'retention-test', :at)""")
			.param("id", id)
			.param("dryRun", dryRun)
			.param("state", state)
			.param("file", file.id())
			.param("at", Timestamp.from(LONG_AGO))
			.update();
		return id;
	}

	void finish(String jobId) {
		jdbc.sql("UPDATE import_job SET state = 'SUCCEEDED' WHERE id = :id").param("id", jobId).update();
	}

	String say(InvalidInputException ex, String language) {
		return messages.getMessage(ex.messageKey(), ex.args(), Locale.forLanguageTag(language));
	}

	@Test
	void oldUploadIsPurgedItsRowMarkedItsBytesRemovedAndTheAuditTrailSaysSo() {
		long agency = agency();
		FileStore.StoredFile file = upload(agency, unique());
		dateBack(file);
		assertThat(files.usage(agency)).isEqualTo(file.size());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		UploadRetention.Purge purge = retention.purge(now);

		assertThat(purge.uploads()).isGreaterThanOrEqualTo(1);
		assertThat(purge.files()).isGreaterThanOrEqualTo(1);
		FileStore.StoredFile after = reread(file);
		assertThat(after.purged()).isTrue();
		assertThat(after.deletedAt()).isEqualTo(now);
		assertThat(after.filename()).isEqualTo("may-chu.csv");
		assertThat(onDisk(file)).isFalse();
		assertThat(files.usage(agency)).isZero();
		var entry = jdbc.sql("""
				SELECT actor, after_state FROM audit_entry
				WHERE action = 'UPLOAD_PURGED' AND entity_type = 'stored_file' AND entity_id = :id""")
			.param("id", String.valueOf(file.id()))
			.query((rs, n) -> Map.entry(rs.getString("actor"), rs.getString("after_state")))
			.single();
		assertThat(entry.getKey()).startsWith("system:");
		JsonNode detail = json.readTree(entry.getValue());
		assertThat(detail.get("filename").asString()).isEqualTo("may-chu.csv");
		assertThat(detail.get("size").asLong()).isEqualTo(file.size());
		assertThat(detail.get("uploadedBy").asString()).isEqualTo(file.uploadedBy());
		assertThat(detail.get("agencyId").asLong()).isEqualTo(agency);
	}

	@Test
	void oldUploadKeptAsARecordStays() {
		FileStore.StoredFile file = upload(agency(), unique());
		dateBack(file);
		files.keep(file.id());

		retention.purge(Instant.now());

		assertThat(reread(file).purged()).isFalse();
		assertThat(onDisk(file)).isTrue();
	}

	@Test
	void recentUploadStays() {
		FileStore.StoredFile file = upload(agency(), unique());

		retention.purge(Instant.now());

		assertThat(reread(file).purged()).isFalse();
		assertThat(onDisk(file)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "QUEUED", "RUNNING" })
	void oldUploadAJobStillNeedsStaysUntilTheJobHasFinished(String state) {
		FileStore.StoredFile file = upload(agency(), unique());
		dateBack(file);
		String job = job(file, state, false);

		retention.purge(Instant.now());

		assertThat(reread(file).purged()).isFalse();
		assertThat(onDisk(file)).isTrue();

		finish(job);
		retention.purge(Instant.now());
		assertThat(reread(file).purged()).isTrue();
	}

	@Test
	void bytesSharedWithARecentUploadStayOnDisk() throws IOException {
		long agency = agency();
		byte[] same = unique();
		FileStore.StoredFile old = upload(agency, same);
		FileStore.StoredFile recent = upload(agency, same);
		dateBack(old);

		retention.purge(Instant.now());

		assertThat(reread(old).purged()).isTrue();
		assertThat(reread(recent).purged()).isFalse();
		assertThat(onDisk(old)).isTrue();
		try (InputStream in = files.open(recent)) {
			assertThat(in.readAllBytes()).isEqualTo(same);
		}
		assertThat(files.usage(agency)).isEqualTo(recent.size());

		dateBack(recent);
		retention.purge(Instant.now());
		assertThat(onDisk(old)).isFalse();
	}

	@Test
	void secondRunPurgesNothing() {
		FileStore.StoredFile file = upload(agency(), unique());
		dateBack(file);
		Instant now = Instant.now();
		assertThat(retention.purge(now).uploads()).isGreaterThanOrEqualTo(1);

		assertThat(retention.purge(now)).isEqualTo(new UploadRetention.Purge(0, 0, 0));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'UPLOAD_PURGED' AND entity_id = :id")
			.param("id", String.valueOf(file.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void openingAPurgedUploadGivesAClearError() {
		FileStore.StoredFile file = upload(agency(), unique());
		dateBack(file);
		retention.purge(Instant.now());

		// both with the record read before the purge and with a fresh one
		for (FileStore.StoredFile view : new FileStore.StoredFile[] { file, reread(file) }) {
			var refused = catchThrowableOfType(FileStore.PurgedException.class, () -> files.open(view));
			assertThat(refused.messageKey()).isEqualTo("upload.purged");
			assertThat(refused.status()).isEqualTo(410);
			assertThat(say(refused, "vi"))
				.isEqualTo("Tệp tải lên \"may-chu.csv\" đã được xóa vì quá thời hạn lưu giữ. Hãy tải tệp lên lại.");
			assertThat(say(refused, "en")).isEqualTo(
					"The upload \"may-chu.csv\" has been deleted after its retention period. Upload the file again.");
		}
	}

	@Test
	void purgedUploadWhoseBytesAnotherUploadKeepsStillCannotBeOpened() {
		byte[] same = unique();
		FileStore.StoredFile old = upload(agency(), same);
		upload(agency(), same);
		dateBack(old);
		retention.purge(Instant.now());

		assertThat(onDisk(old)).isTrue();
		assertThat(catchThrowableOfType(FileStore.PurgedException.class, () -> files.open(old))).isNotNull();
	}

	@Test
	void committingAPreviewWhoseUploadWasPurgedFailsClearly() {
		FileStore.StoredFile file = upload(agency(), unique());
		String preview = job(file, "SUCCEEDED", true);
		dateBack(file);
		retention.purge(Instant.now());

		var refused = catchThrowableOfType(FileStore.PurgedException.class, () -> importJobs.commit(preview));

		assertThat(refused.messageKey()).isEqualTo("upload.purged");
		assertThat(refused.args()).containsExactly("may-chu.csv");
	}

	@Test
	void jobThatReadsAPurgedUploadFailsWithTheClearError() throws InterruptedException {
		FileStore.StoredFile file = upload(agency(), unique());
		dateBack(file);
		retention.purge(Instant.now());

		// NB: jobs run as the user who submitted them; the asset import opens the upload
		// first
		var operator = accounts.findByUsername("operator").orElseThrow();
		var user = new KhienUser(operator.id(), operator.username(), operator.displayName(), operator.roles(),
				operator.agencyId(), operator.organisationId());
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(user, null, java.util.List.of()));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		ImportJob job;
		try {
			job = importJobs.submit("assets", file, agency(), null, "CSV", false);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}

		ImportJob finished = job;
		for (int i = 0; i < 200 && !finished.state().finished(); i++) {
			Thread.sleep(25);
			finished = importJobs.get(job.id());
		}
		assertThat(finished.state()).isEqualTo(ImportJob.State.FAILED);
		assertThat(finished.error()).isNotNull();
		assertThat(finished.error().messageKey()).isEqualTo("upload.purged");
		assertThat(finished.error().args()).containsExactly("may-chu.csv");
	}

}
