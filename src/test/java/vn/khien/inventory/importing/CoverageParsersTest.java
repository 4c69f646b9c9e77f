package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ParseResult;

class CoverageParsersTest {

	@Test
	void genericCsvIsMapped() {
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(new CoverageCsvParser().parse(TestFiles.sample("coverage/coverage.csv"), sink)).isEqualTo(3);
		CoverageRecord web = sink.get(0);
		assertThat(web)
			.isEqualTo(new CoverageRecord(2, "web01.sotttt.example.vn", "10.0.0.5", "Kaspersky Endpoint Security",
					"12.3.0.493", true, LocalDate.of(2024, 5, 1), Instant.parse("2024-05-01T03:00:00Z")));
		CoverageRecord pc = sink.get(1);
		assertThat(pc.hostname()).isEqualTo("kt-pc07");
		assertThat(pc.running()).isFalse();
		// local time without offset is Vietnam time (UTC+7)
		assertThat(pc.lastCheckIn()).isEqualTo(Instant.parse("2024-04-30T01:15:00Z"));
		assertThat(sink.get(2).hostname()).isNull();
		assertThat(sink.get(2).address()).isEqualTo("192.168.10.40");
		assertThat(sink.get(2).signatureDate()).isNull();
	}

	@Test
	void genericJsonAcceptsSnakeAndCamelCase() {
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(new CoverageJsonParser().parse(TestFiles.sample("coverage/coverage.json"), sink)).isEqualTo(2);
		assertThat(sink.get(0).running()).isTrue();
		assertThat(sink.get(0).lastCheckIn()).isEqualTo(Instant.parse("2024-05-01T03:00:00Z"));
		CoverageRecord pc = sink.get(1);
		assertThat(pc.line()).isEqualTo(2);
		assertThat(pc.productVersion()).isEqualTo("5.1");
		assertThat(pc.running()).isFalse();
		assertThat(pc.signatureDate()).isEqualTo(LocalDate.of(2024, 4, 28));
		assertThat(pc.lastCheckIn()).isEqualTo(Instant.parse("2024-04-30T01:15:00Z"));
	}

	@Test
	void coverageCsvRowProblemsAreCollected() {
		String csv = "hostname,product,running,signature_date\na,AV,maybe,\nb,AV,yes,01/05/2024\nc,AV,no,2024-05-01\n";
		ParseResult<CoverageRecord> result = new CoverageCsvParser().parseCollecting(TestFiles.utf8(csv), r -> {
		});
		assertThat(result.parsed()).isEqualTo(1);
		assertThat(result.problems()).extracting(ImportProblem::messageKey)
			.containsExactly("import.row.invalidBoolean", "import.row.invalidDate");
		assertThat(result.problems().get(1).args()).containsExactly("signature_date", "01/05/2024");
		assertThat(result.problems().get(1).line()).isEqualTo(3);
	}

	@Test
	void coverageCsvWithWrongColumnsIsRefused() {
		assertThatThrownBy(() -> new CoverageCsvParser().parse(TestFiles.utf8("name,av\na,b\n"), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.csv.columns");
			assertThat(p.args()).containsExactly("hostname/address, product", "name, av", 2, 2);
		});
	}

	@Test
	void coverageJsonProblemsNameTheElement() {
		String json = "[{\"hostname\":\"a\",\"product\":\"AV\"},{\"address\":\"10.0.0.300\",\"product\":\"AV\"}]";
		assertThatThrownBy(() -> new CoverageJsonParser().parse(TestFiles.utf8(json), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.row.invalidAddress");
			assertThat(p.location()).isEqualTo("element:item[2]");
		});
	}

	@Test
	void coverageJsonOfAnotherShapeIsRefused() {
		assertThatThrownBy(() -> new CoverageJsonParser().parse(TestFiles.utf8("{\"items\":[]}"), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.json.shape"));
	}

	@Test
	void truncatedJsonIsMalformedWithLine() {
		assertThatThrownBy(
				() -> new CoverageJsonParser().parse(TestFiles.utf8("[\n{\"hostname\":\"a\",\n\"product\":"), r -> {
				}))
			.isInstanceOfSatisfying(ImportProblem.class, p -> {
				assertThat(p.messageKey()).isEqualTo("import.json.malformed");
				assertThat(p.line()).isEqualTo(3);
			});
	}

	@Test
	void emptyJsonFileIsReportedAsEmpty() {
		assertThatThrownBy(() -> new CoverageJsonParser().parse(TestFiles.utf8("  \n"), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
	}

}
