package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audit actions are named in one style (UPPER_SNAKE), and every action and entity type
 * the code records has words in both languages, so the audit page can say each.
 */
class AuditActionNamesTests {

	static final Path BUNDLE = Path.of("src/main/resources/i18n/platform.properties");

	static final Path ENGLISH = Path.of("src/main/resources/i18n/platform_en.properties");

	static AuditCalls calls;

	@BeforeAll
	static void scan() throws IOException {
		calls = AuditCalls.scan();
	}

	@Test
	void everyAuditCallIsRead() {
		assertThat(calls.unread()).as("audit calls whose action or entity type the scan cannot read").isEmpty();
		// a literal, a choice of two, a constant, a method's parameter
		assertThat(calls.actions()).as("actions found in the sources")
			.contains("CREATE", "LOGIN", "IMPORT", "ENABLE", "DISABLE", "LOGIN_THROTTLED", "CONFIRM");
		assertThat(calls.entityTypes()).as("entity types found in the sources").contains("user", "agency", "asset");
	}

	@Test
	void everyActionWrittenToTheAuditTrailIsUpperSnakeCase() {
		assertThat(calls.actions().stream().filter(action -> !action.matches("[A-Z][A-Z0-9_]*")))
			.as("actions not in UPPER_SNAKE")
			.isEmpty();
	}

	@Test
	void everyActionHasALabelInBothLanguages() throws IOException {
		assertThat(missing("audit.action.", calls.actions(), BUNDLE)).as("actions without a label in " + BUNDLE)
			.isEmpty();
		assertThat(missing("audit.action.", calls.actions(), ENGLISH)).as("actions without a label in " + ENGLISH)
			.isEmpty();
	}

	@Test
	void everyEntityTypeHasALabelInBothLanguages() throws IOException {
		assertThat(missing("audit.entity.", calls.entityTypes(), BUNDLE))
			.as("entity types without a label in " + BUNDLE)
			.isEmpty();
		assertThat(missing("audit.entity.", calls.entityTypes(), ENGLISH))
			.as("entity types without a label in " + ENGLISH)
			.isEmpty();
	}

	private static Set<String> missing(String prefix, Set<String> codes, Path bundle) throws IOException {
		var labels = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			labels.load(reader);
		}
		var missing = new TreeSet<String>();
		for (String code : codes) {
			String label = labels.getProperty(prefix + code);
			if (label == null || label.isBlank()) {
				missing.add(prefix + code);
			}
		}
		return missing;
	}

}
