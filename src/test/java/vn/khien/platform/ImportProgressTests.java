package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.khien.KhienTest;

/**
 * A job's progress is how much of its stored file the processor has read, whatever the
 * file's format.
 */
@KhienTest
class ImportProgressTests {

	@Autowired
	FileStore files;

	@Test
	void progressCarriesTheBytesReadOfTheStoredFile() throws Exception {
		byte[] content = "kind,hostname\n".concat("server,a.example.vn\n".repeat(500)).getBytes(StandardCharsets.UTF_8);
		FileStore.StoredFile file = files.storeFor(null, new ByteArrayInputStream(content), "progress.csv", "text/csv",
				1_000_000);
		var job = new ImportJob("progress-test", "inventory", "assets", "CSV", false, ImportJob.State.RUNNING,
				file.id(), null, null, 0, Map.of(), List.of(), null, "test", Instant.now(), Instant.now(), null, 1,
				null, null, Map.of(), 0, content.length);
		record Report(long processed, long bytes) {
		}
		List<Report> reports = new ArrayList<>();
		var run = new ImportJob.Run(job, file, files,
				(processed, bytes, force) -> reports.add(new Report(processed, bytes)));
		try (InputStream in = run.open()) {
			in.readNBytes(1000);
			run.progress(50);
			in.readAllBytes();
			run.progress(500);
		}
		assertThat(reports).containsExactly(new Report(50, 1000), new Report(500, content.length));
	}

}
