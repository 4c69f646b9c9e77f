package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Audit actions are named in one style (UPPER_SNAKE), so the audit page can say each in
 * words.
 */
class AuditActionNamesTests {

	// record(action, ...) and recordAs(actor, action, ...), where the action is written
	// as a literal
	static final Pattern RECORD = Pattern
		.compile("audit\\.(?:record|recordAll)\\(\\s*\"([^\"]+)\"|audit\\.recordAs\\([^,;]+,\\s*\"([^\"]+)\"");

	@Test
	void everyActionWrittenToTheAuditTrailIsUpperSnakeCase() throws IOException {
		var found = new TreeSet<String>();
		var wrong = new TreeSet<String>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				var m = RECORD.matcher(Files.readString(file));
				while (m.find()) {
					String action = m.group(1) != null ? m.group(1) : m.group(2);
					found.add(action);
					if (!action.matches("[A-Z][A-Z0-9_]*")) {
						wrong.add(file.getFileName() + ": " + action);
					}
				}
			}
		}
		assertThat(found).as("actions found in the sources").contains("CREATE", "LOGIN", "IMPORT");
		assertThat(wrong).as("actions not in UPPER_SNAKE").isEmpty();
	}

}
