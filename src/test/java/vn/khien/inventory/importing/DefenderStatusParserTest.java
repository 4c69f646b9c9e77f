package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;

class DefenderStatusParserTest {

	private final DefenderStatusParser parser = new DefenderStatusParser();

	@Test
	void arrayFromManyMachinesHandlesAllThreeDateForms() {
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.sample("defender/many.json"), sink)).isEqualTo(3);

		CoverageRecord pc1 = sink.get(0);
		assertThat(pc1.hostname()).isEqualTo("kt-pc01");
		assertThat(pc1.product()).isEqualTo("Microsoft Defender Antivirus");
		assertThat(pc1.productVersion()).isEqualTo("4.18.24030.9");
		assertThat(pc1.running()).isTrue();
		// "\/Date(1714550400000)\/" = 2024-05-01T08:00:00Z
		assertThat(pc1.signatureDate()).isEqualTo(LocalDate.of(2024, 5, 1));

		CoverageRecord pc2 = sink.get(1);
		assertThat(pc2.hostname()).isEqualTo("tc-pc02.sotc.local");
		assertThat(pc2.running()).as("real-time protection off").isFalse();
		// {"value":"\/Date(1700000000000)\/"} = 2023-11-14T22:13:20Z = 15 Nov in Vietnam
		assertThat(pc2.signatureDate()).isEqualTo(LocalDate.of(2023, 11, 15));

		CoverageRecord laptop = sink.get(2);
		assertThat(laptop.line()).isEqualTo(3);
		assertThat(laptop.hostname()).isEqualTo("vt-laptop03");
		assertThat(laptop.running()).as("missing RealTimeProtectionEnabled counts as off").isFalse();
		assertThat(laptop.signatureDate()).isEqualTo(LocalDate.of(2024, 5, 2));
	}

	@Test
	void singleLocalObjectWithoutComputerNameIsNoHost() {
		assertThatThrownBy(() -> parser.parse(TestFiles.sample("defender/single-local.json"), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.defender.noHost");
			assertThat(p.location()).isEqualTo("element:item[1]");
		});
	}

	@Test
	void singleObjectWithComputerNameGivesOneRecord() {
		String json = "{\"AMProductVersion\":\"4.18.1\",\"AMServiceEnabled\":true,\"AntivirusEnabled\":true,"
				+ "\"RealTimeProtectionEnabled\":true,\"AntivirusSignatureLastUpdated\":\"2024-05-01T10:00:00\",\"ComputerName\":\"SRV-AD\"}";
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.utf8(json), sink)).isEqualTo(1);
		assertThat(sink.get(0).hostname()).isEqualTo("srv-ad");
		assertThat(sink.get(0).running()).isTrue();
		assertThat(sink.get(0).signatureDate()).isEqualTo(LocalDate.of(2024, 5, 1));
	}

	@Test
	void jsonOfAnotherShapeIsRefused() {
		assertThatThrownBy(() -> parser.parse(TestFiles.sample("wazuh/agents.json"), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.defender.shape"));
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8("\"text\""), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.defender.shape"));
	}

	@Test
	void badDateIsReported() {
		String json = "[{\"AMServiceEnabled\":true,\"PSComputerName\":\"a\",\"AntivirusSignatureLastUpdated\":\"\\/Date(abc)\\/\"}]";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(json), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.row.invalidDate");
			assertThat(p.location()).isEqualTo("element:item[1]");
		});
	}

	@Test
	void emptyFileIsReportedAsEmpty() {
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(""), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
	}

}
