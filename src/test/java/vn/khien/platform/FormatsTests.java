package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Numbers and dates are written one way, by the reader's language, and pages and scripts
 * go through that one way.
 */
class FormatsTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	@Test
	void countsAreGroupedAsEachLanguageGroupsThem() {
		assertThat(Formats.number(600_362, VI)).isEqualTo("600.362");
		assertThat(Formats.number(600_362, Locale.ENGLISH)).isEqualTo("600,362");
		assertThat(Formats.number(2000L, VI)).isEqualTo("2.000");
		assertThat(Formats.number(null, VI)).isEmpty();
	}

	@Test
	void ratiosArePercentagesWithOneDecimalAtMost() {
		assertThat(Formats.percent(0.875, VI)).isEqualTo("87,5%");
		assertThat(Formats.percent(0.875, Locale.ENGLISH)).isEqualTo("87.5%");
		assertThat(Formats.percent(1.0, VI)).isEqualTo("100%");
	}

	@Test
	void datesAreDayMonthYearOnTheProvincesClock() {
		assertThat(Formats.date(LocalDate.of(2026, 12, 1))).isEqualTo("01/12/2026");
		// NB: 17:30 UTC is past midnight in Hà Nội
		assertThat(Formats.date(Instant.parse("2026-11-30T17:30:00Z"))).isEqualTo("01/12/2026");
		assertThat(Formats.dateTime(Instant.parse("2026-11-30T17:30:00Z"))).isEqualTo("01/12/2026 00:30");
	}

	@Test
	void templatesAndScriptsFormatThroughTheOneFormatter() throws IOException {
		Pattern own = Pattern.compile("#numbers\\.format|#temporals\\.format|#dates\\.format|@dates\\.");
		Pattern intl = Pattern.compile("new Intl\\.(NumberFormat|DateTimeFormat)");
		List<String> found;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
			// NB: templates and scripts only; the fonts of the letters are not text
			found = files.filter(Files::isRegularFile).filter(file -> {
				String name = file.getFileName().toString();
				return name.endsWith(".html") || name.endsWith(".js");
			}).flatMap(file -> {
				String name = file.getFileName().toString();
				String text = read(file);
				if (name.endsWith(".html") && own.matcher(text).find()) {
					return Stream.of(file.toString());
				}
				if (name.endsWith(".js") && !name.equals("khien.js") && intl.matcher(text).find()
						&& !file.toString().contains("webjars")) {
					return Stream.of(file.toString());
				}
				return Stream.empty();
			}).toList();
		}
		assertThat(found).as("files that format numbers or dates themselves").isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
