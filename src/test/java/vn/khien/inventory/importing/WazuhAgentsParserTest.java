package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WazuhAgentsParserTest {

    private final WazuhAgentsParser parser = new WazuhAgentsParser();

    @Test
    void agentsAreMappedToCoverage() {
        TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
        assertThat(parser.parse(TestFiles.sample("wazuh/agents.json"), sink)).isEqualTo(4);

        CoverageRecord manager = sink.get(0);
        assertThat(manager.hostname()).isEqualTo("wazuh-manager");
        assertThat(manager.lastCheckIn()).as("9999 keep-alive sentinel is not a time").isNull();

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
    void unnamedManagerIsSkipped() {
        String json = "{\"data\":{\"affected_items\":[{\"id\":\"000\",\"ip\":\"127.0.0.1\",\"status\":\"active\"},"
                + "{\"id\":\"001\",\"name\":\"a\",\"ip\":\"10.0.0.1\",\"status\":\"active\",\"version\":\"v5.0.0\"}],"
                + "\"total_affected_items\":2},\"error\":0}";
        TestFiles.Sink<CoverageRecord> sink = new TestFiles.Sink<>();
        assertThat(parser.parse(TestFiles.utf8(json), sink)).isEqualTo(1);
        assertThat(sink.get(0).line()).isEqualTo(2);
        assertThat(sink.get(0).productVersion()).isEqualTo("5.0.0");
    }

    @Test
    void jsonOfAnotherShapeIsRefused() {
        for (String other : new String[] {"[]", "{\"title\":\"Unauthorized\",\"detail\":\"No authorization token provided\"}"}) {
            assertThatThrownBy(() -> parser.parse(TestFiles.utf8(other), r -> { }))
                    .isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.wazuh.shape"));
        }
        assertThatThrownBy(() -> parser.parse(TestFiles.sample("wazuh/other-shape.json"), r -> { }))
                .isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.wazuh.shape"));
    }

    @Test
    void invalidAgentAddressNamesTheItem() {
        String json = "{\"data\":{\"affected_items\":[{\"id\":\"001\",\"name\":\"a\",\"ip\":\"10.0.0\"}]}}";
        assertThatThrownBy(() -> parser.parse(TestFiles.utf8(json), r -> { }))
                .isInstanceOfSatisfying(ImportProblem.class, p -> {
                    assertThat(p.messageKey()).isEqualTo("import.row.invalidAddress");
                    assertThat(p.location()).isEqualTo("element:affected_items[1]");
                });
    }

    @Test
    void truncatedJsonIsMalformed() {
        assertThatThrownBy(() -> parser.parse(TestFiles.utf8("{\"data\":{\"affected_items\":[{\"id\":\"001\","), r -> { }))
                .isInstanceOfSatisfying(ImportProblem.class, p -> {
                    assertThat(p.messageKey()).isEqualTo("import.json.malformed");
                    assertThat(p.line()).isEqualTo(1);
                });
    }

    @Test
    void emptyFileIsReportedAsEmpty() {
        assertThatThrownBy(() -> parser.parse(TestFiles.utf8(""), r -> { }))
                .isInstanceOfSatisfying(ImportProblem.class, p -> assertThat(p.messageKey()).isEqualTo("import.file.empty"));
    }
}
