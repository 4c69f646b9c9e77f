package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.KhienTest;

/**
 * A job runs as its submitter as they are when it runs: a submitter disabled meanwhile
 * has it refused.
 */
@KhienTest
class JobSubmitterTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStore files;

	@Autowired
	Accounts accounts;

	@Autowired
	JobQueue queue;

	@Autowired
	ImportJobs jobs;

	@Test
	void aQueuedJobOfADisabledAccountFailsSayingSoAndWritesNothing() throws InterruptedException {
		String username = "gone-" + UUID.randomUUID().toString().substring(0, 8);
		long user = accounts.create(new Accounts.NewAccount(username, "Đã nghỉ", null, "a-long-enough-password",
				EnumSet.of(Role.PROVINCE_OPERATOR), null, null));
		long agency = jdbc.sql("SELECT id FROM agency WHERE code = 'SYT'").query(Long.class).single();
		var file = files.store(
				new ByteArrayInputStream(
						("kind,hostname\nserver,gone." + username + "\n").getBytes(StandardCharsets.UTF_8)),
				"gone.csv", "text/csv", 1024);
		String id = UUID.randomUUID().toString();
		// queued while the account was active (as submit() does), then the account is
		// disabled before it runs
		jdbc.sql(
				"""
						INSERT INTO import_job (id, module, kind, format, dry_run, state, file_id, agency_id, processed, created_by,
						  created_at, attempts) VALUES (:id, 'inventory', 'assets', 'CSV', FALSE, 'QUEUED', :file, :agency, 0, :by, :at, 0)""")
			.param("id", id)
			.param("file", file.id())
			.param("agency", agency)
			.param("by", username)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		accounts.setEnabled(user, false);
		queue.enqueue(id);

		ImportJob job = jobs.get(id);
		for (int i = 0; i < 200 && !job.state().finished(); i++) {
			Thread.sleep(25);
			job = jobs.get(id);
		}
		assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
		assertThat(job.error().messageKey()).isEqualTo("import.job.submitterGone");
		assertThat(job.error().args()).containsExactly(username);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE hostname = :h")
			.param("h", "gone." + username)
			.query(Long.class)
			.single()).isZero();
	}

}
