package vn.khien.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesFragmentTest {

	private static Properties load(String bundle, String language) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path
			.of("src/main/resources/i18n/" + bundle + ("vi".equals(language) ? "" : "_" + language) + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<String> usedKeys() throws IllegalAccessException {
		List<String> keys = new ArrayList<>();
		for (Field field : ImportKeys.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				keys.add((String) field.get(null));
			}
		}
		return keys;
	}

	@ParameterizedTest
	@ValueSource(strings = { "vi", "en" })
	void hasExactlyTheUsedKeysAndAllFormat(String language) throws Exception {
		Properties messages = load("reorg", language);
		List<String> keys = usedKeys();
		assertThat(messages.stringPropertyNames()).containsAll(keys);
		for (String key : keys) {
			String text = messages.getProperty(key);
			// row problems name their column first; the file's take numbers (the row
			// limit)
			Object[] args = key.startsWith("import.row.") ? new Object[] { "Mã cấp trên", 2, 3, 4 }
					: new Object[] { 10000 };
			String formatted = new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
			assertThat(formatted).as(key).doesNotContain("{").doesNotContain("''");
			if (!text.contains("{")) {
				// Spring returns argument-less messages as-is, so an escaped quote would
				// show doubled.
				assertThat(text).as(key).doesNotContain("'");
			}
			if (key.startsWith("import.row.")) {
				assertThat(formatted).as(key + " names its column").startsWith("Mã cấp trên: ");
			}
		}
	}

	@org.junit.jupiter.api.Test
	void columnsMessageListsOnlyWhatIsWrong() throws Exception {
		String vi = load("platform", "vi").getProperty("import.csv.columns");
		assertThat(MessageFormat.format(vi, "name", "", 1, 0))
			.isEqualTo("Tiêu đề cột không hợp lệ. Thiếu cột bắt buộc: name.");
		String en = load("platform", "en").getProperty("import.csv.columns");
		assertThat(MessageFormat.format(en, "", "fax, web", 0, 2))
			.isEqualTo("Invalid column headers. Unknown columns: fax, web.");
		assertThat(MessageFormat.format(en, "code", "fax", 1, 1))
			.isEqualTo("Invalid column headers. Missing required columns: code. Unknown columns: fax.");
		String dup = load("reorg", "en").getProperty(ImportKeys.ROW_DUPLICATE_CODE);
		assertThat(MessageFormat.format(dup, "code", "A", 1234))
			.isEqualTo("code: code “A” duplicates line 1234 (the code’s first use).");
	}

}
