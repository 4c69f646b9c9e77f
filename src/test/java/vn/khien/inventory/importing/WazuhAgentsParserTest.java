package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;

class WazuhAgentsParserTest {

	private final WazuhAgentsParser parser = new WazuhAgentsParser();

	@Test
	void agentsAreMappedToCoverage() {
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.sample("wazuh/agents.json"), sink)).isEqualTo(4);

		CoverageRecord manager = sink.get(0);
		assertThat(manager.manager()).as("agent 000 is marked as the manager").isTrue();
		assertThat(manager.hostname()).isEqualTo("wazuh-manager");
		assertThat(manager.lastCheckIn()).as("9999 keep-alive sentinel is not a time").isNull();
		assertThat(sink.items.subList(1, 4)).noneMatch(CoverageRecord::manager);

		CoverageRecord web = sink.get(1);
		assertThat(web.line()).isEqualTo(2);
		assertThat(web.hostname()).isEqualTo("web01.sotttt.example.vn");
		assertThat(web.address()).isEqualTo("10.0.0.5");
		assertThat(web.product()).isEqualTo("Wazuh agent");
		assertThat(web.productVersion()).isEqualTo("4.7.2");
		assertThat(web.running()).isTrue();
		assertThat(web.lastCheckIn()).isEqualTo(Instant.parse("2024-05-01T18:00:00Z"));
		// 18:00 UTC is already 2 May in Vietnam
		assertThat(web.signatureDate()).isEqualTo(LocalDate.of(2024, 5, 2));

		CoverageRecord disconnected = sink.get(2);
		assertThat(disconnected.running()).isFalse();
		assertThat(disconnected.signatureDate()).isNull();
		assertThat(disconnected.lastCheckIn()).isEqualTo(Instant.parse("2024-04-20T08:30:00Z"));

		CoverageRecord neverConnected = sink.get(3);
		assertThat(neverConnected.address()).as("ip \"any\" is ignored").isNull();
		assertThat(neverConnected.running()).isFalse();
		assertThat(neverConnected.lastCheckIn()).isNull();
	}

	@Test
	void unnamedManagerIsMarkedToo() {
		String json = "{\"data\":{\"affected_items\":[{\"id\":\"000\",\"ip\":\"127.0.0.1\",\"status\":\"active\"},"
				+ "{\"id\":\"001\",\"name\":\"a\",\"ip\":\"10.0.0.1\",\"status\":\"active\",\"version\":\"v5.0.0\"}],"
				+ "\"total_affected_items\":2},\"error\":0}";
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.utf8(json), sink)).isEqualTo(2);
		assertThat(sink.get(0).manager()).isTrue();
		assertThat(sink.get(0).hostname()).isNull();
		assertThat(sink.get(1).manager()).isFalse();
		assertThat(sink.get(1).line()).isEqualTo(2);
		assertThat(sink.get(1).productVersion()).isEqualTo("5.0.0");
	}

	@Test
	void managerEntryNeverRefusesTheFile() {
		// skipped when applied anyway, so a name, address or time no host could have must
		// not fail the import
		String json = "{\"data\":{\"affected_items\":[{\"id\":\"000\",\"name\":\"Wazuh Manager\",\"ip\":\"localhost\","
				+ "\"status\":\"active\",\"lastKeepAlive\":\"never\"}]}}";
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.utf8(json), sink)).isEqualTo(1);
		assertThat(sink.get(0).manager()).isTrue();
		assertThat(sink.get(0).hostname()).isNull();
		assertThat(sink.get(0).address()).isNull();
	}

	@Test
	void agentsSharingAnAddressAreEachTheirOwnRecord() {
		TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
		assertThat(parser.parse(TestFiles.sample("wazuh/agents-dhcp.json"), sink)).isEqualTo(16);
		assertThat(sink.items).filteredOn(CoverageRecord::manager).singleElement().satisfies(m -> {
			assertThat(m.line()).isEqualTo(1);
			assertThat(m.hostname()).isEqualTo("soc-wazuh01");
			assertThat(m.address()).isEqualTo("127.0.0.1");
		});
		var agents = sink.items.stream().filter(r -> !r.manager()).toList();
		assertThat(agents).hasSize(15)
			.extracting(CoverageRecord::hostname)
			.doesNotHaveDuplicates()
			.doesNotContainNull();
		for (String shared : new String[] { "192.168.20.31", "192.168.20.45", "192.168.20.77" }) {
			assertThat(agents).filteredOn(r -> shared.equals(r.address()))
				.as(shared)
				.hasSize(2)
				.extracting(CoverageRecord::hostname)
				.doesNotHaveDuplicates();
		}
		assertThat(agents).filteredOn(r -> "kt-pc04".equals(r.hostname()))
			.singleElement()
			.extracting(CoverageRecord::address)
			.isEqualTo("2001:db8:20::15");
	}

	@Test
	void jsonOfAnotherShapeIsRefused() {
		for (String other : new String[] { "[]",
				"{\"title\":\"Unauthorized\",\"detail\":\"No authorization token provided\"}" }) {
			assertThatThrownBy(() -> parser.parse(TestFiles.utf8(other), r -> {
			})).isInstanceOfSatisfying(ImportProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("import.wazuh.shape"));
		}
		assertThatThrownBy(() -> parser.parse(TestFiles.sample("wazuh/other-shape.json"), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("import.wazuh.shape"));
	}

	@Test
	void invalidAgentAddressNamesTheItem() {
		String json = "{\"data\":{\"affected_items\":[{\"id\":\"001\",\"name\":\"a\",\"ip\":\"10.0.0\"}]}}";
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(json), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.row.invalidAddress");
			assertThat(p.location()).isEqualTo("element:affected_items[1]");
		});
	}

	@Test
	void truncatedJsonIsMalformed() {
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8("{\"data\":{\"affected_items\":[{\"id\":\"001\","), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.json.malformed");
			assertThat(p.line()).isEqualTo(1);
		});
	}

	@Test
	void emptyFileIsReportedAsEmpty() {
		assertThatThrownBy(() -> parser.parse(TestFiles.utf8(""), r -> {
		})).isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
	}

}
