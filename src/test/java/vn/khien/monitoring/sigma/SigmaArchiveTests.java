package vn.khien.monitoring.sigma;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules archives: the SigmaHQ sample zipped, bad entries refused, limits held. */
class SigmaArchiveTests {

	private static byte[] zip(String[][] entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (String[] entry : entries) {
				out.putNextEntry(new ZipEntry(entry[0]));
				out.write(entry[1].getBytes());
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void readsTheSampleRulesFromAZip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Path file : Corpus.files(Corpus.RULES, ".yml")) {
				out.putNextEntry(new ZipEntry(Corpus.RULES.relativize(file).toString()));
				out.write(Files.readAllBytes(file));
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("LICENSE"));
			out.write("not a rule".getBytes());
			out.closeEntry();
		}
		ParseResult result = SigmaArchive.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(result.errors()).isEmpty();
		assertThat(result.rules()).hasSize(399);
	}

	@Test
	void badEntriesAreRefusedAndTheOthersLoad() throws IOException {
		String good = "title: g\nid: g1\nlogsource: {product: windows}\ndetection:\n  s: {A: 1}\n  condition: s\n";
		byte[] zip = zip(new String[][] { { "ok.yml", good }, { "../escape.yml", good }, { "/abs.yml", good },
				{ "C:/drive.yml", good }, { "broken.yml", "title: [x" }, { "dup.yaml", good } });
		ParseResult result = SigmaArchive.read(new ByteArrayInputStream(zip));
		assertThat(result.rules()).hasSize(1);
		assertThat(result.errors()).extracting(RuleError::fileName)
			.containsExactlyInAnyOrder("../escape.yml", "/abs.yml", "C:/drive.yml", "broken.yml", "dup.yaml");
		assertThat(result.errors()).filteredOn(e -> e.fileName().equals("dup.yaml"))
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("already loaded from ok.yml"));
	}

	@Test
	void limitsStopABomb() throws IOException {
		String big = "# " + "x".repeat(5000) + "\n";
		byte[] zip = zip(new String[][] { { "a.yml", big }, { "b.yml", big }, { "c.yml", big } });
		ParseResult tooBig = SigmaArchive.read(new ByteArrayInputStream(zip), 10, 1000, 1_000_000);
		assertThat(tooBig.errors()).hasSize(3).allSatisfy(e -> assertThat(e.message()).contains("larger than"));
		ParseResult tooMuch = SigmaArchive.read(new ByteArrayInputStream(zip), 10, 10_000, 8000);
		assertThat(tooMuch.errors()).anySatisfy(e -> assertThat(e.message()).contains("inflates past"));
		ParseResult tooMany = SigmaArchive.read(new ByteArrayInputStream(zip), 2, 10_000, 1_000_000);
		assertThat(tooMany.errors()).anySatisfy(e -> assertThat(e.message()).contains("more than 2 entries"));
	}

	@Test
	void notAZipIsAnError() {
		ParseResult result = SigmaArchive.read(new ByteArrayInputStream("hello".getBytes()));
		assertThat(result.rules()).isEmpty();
		assertThat(result.errors()).isNotEmpty();
	}

}
