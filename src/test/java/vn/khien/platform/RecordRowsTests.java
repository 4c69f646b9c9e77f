package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.KhienTest;

/**
 * Records read from rows, on the test's database (H2 or PostgreSQL): snake_case columns
 * to camelCase components, the types the code uses, nulls.
 */
@KhienTest
class RecordRowsTests {

	@Autowired
	JdbcClient jdbc;

	record Mixed(long id, String ownerCode, @Nullable Long parentAgencyId, boolean enabled, Instant createdAt,
			@Nullable Timestamp revokedAt, int failedAttempts) {
	}

	@Test
	void columnsMeetComponentsByNameWhateverTheirOrder() {
		List<Mixed> rows = jdbc
			.sql("SELECT 3 AS failed_attempts, CAST(NULL AS TIMESTAMP) AS revoked_at, TRUE AS enabled,"
					+ " TIMESTAMP '2026-12-01 08:00:00' AS created_at, CAST(NULL AS BIGINT) AS parent_agency_id,"
					+ " 'SYT' AS owner_code, 7 AS id")
			.query(RecordRows.of(Mixed.class))
			.list();
		assertThat(rows).singleElement().satisfies(m -> {
			assertThat(m.id()).isEqualTo(7);
			assertThat(m.ownerCode()).isEqualTo("SYT");
			assertThat(m.parentAgencyId()).isNull();
			assertThat(m.enabled()).isTrue();
			assertThat(m.createdAt()).isNotNull();
			assertThat(m.revokedAt()).isNull();
			assertThat(m.failedAttempts()).isEqualTo(3);
		});
	}

	record Missing(long id, String nowhere) {
	}

	@Test
	void aComponentWithoutItsColumnSaysWhichOne() {
		assertThatThrownBy(() -> jdbc.sql("SELECT 1 AS id").query(RecordRows.of(Missing.class)).list())
			.hasMessageContaining("Missing.nowhere");
	}

	/**
	 * NB: Spring's mapper for {@code .query(SomeRecord.class)} asks for every camelCase
	 * column first and pays an exception per miss and row on H2; the main code maps
	 * records with {@link RecordRows}.
	 */
	@Test
	void theMainCodeMapsRecordsThroughRecordRows() throws IOException {
		Pattern recordClass = Pattern.compile(
				"\\.query\\((?!(Long|String|Integer|Boolean|Double|Instant|LocalDate|Timestamp|BigDecimal)\\.class)[A-Z][A-Za-z.]*\\.class\\)");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			List<String> offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
				try {
					return recordClass.matcher(Files.readString(p)).find();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map(Path::toString).toList();
			assertThat(offenders).isEmpty();
		}
	}

}
