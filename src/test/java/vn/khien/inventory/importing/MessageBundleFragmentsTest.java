package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key the importers and the shared file readers use has a text that formats, in
 * both languages.
 */
class MessageBundleFragmentsTest {

	private static final Pattern KEY = Pattern.compile("\"(import\\.[A-Za-z]+\\.[A-Za-z]+)\"");

	@ParameterizedTest
	@ValueSource(strings = { "", "_en" })
	void everyKeyUsedInCodeHasAFormattableText(String language) throws IOException {
		Properties texts = new Properties();
		for (String bundle : new String[] { "imports", "platform" }) {
			try (Reader in = Files.newBufferedReader(
					Path.of("src/main/resources/i18n", bundle + language + ".properties"), StandardCharsets.UTF_8)) {
				texts.load(in);
			}
		}
		Set<String> used = keysUsedInCode();
		assertThat(used).contains("import.xml.malformed", "import.row.duplicate", "import.csv.encoding");
		assertThat(texts.stringPropertyNames()).containsAll(used);
		for (String key : used) {
			String formatted = new MessageFormat(texts.getProperty(key), Locale.ROOT)
				.format(new Object[] { "A", 2, 3, 4 });
			assertThat(formatted).as(key).isNotBlank().doesNotContain("{0}").doesNotContain("{1}");
		}
		// Line numbers must not get a thousands separator ("dòng 12.345" reads as a
		// decimal in Vietnamese).
		assertThat(new MessageFormat(texts.getProperty("import.row.duplicate"), Locale.ROOT)
			.format(new Object[] { "host:a", 12345 })).contains("12345");
	}

	private static Set<String> keysUsedInCode() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String dir : new String[] { "src/main/java/vn/khien/inventory/importing",
				"src/main/java/vn/khien/platform/importing" }) {
			try (Stream<Path> files = Files.walk(Path.of(dir))) {
				for (Path path : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
					Matcher m = KEY.matcher(Files.readString(path));
					while (m.find()) {
						keys.add(m.group(1));
					}
				}
			}
		}
		return keys;
	}

}
