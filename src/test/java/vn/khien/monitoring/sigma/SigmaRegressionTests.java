package vn.khien.monitoring.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** SigmaHQ's regression events: each must trigger the rule its info.yml names. */
class SigmaRegressionTests {

	@Test
	void everyRuleOfTheSampleLoads() {
		ParseResult result = Corpus.rules();
		assertThat(result.errors()).isEmpty();
		assertThat(result.rules()).hasSize(399);
		assertThat(result.rules()).allSatisfy(rule -> {
			assertThat(rule.author()).isNotBlank();
			assertThat(rule.id()).isNotBlank();
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyRegressionEventTriggersItsRule() throws IOException {
		Detector detector = Detector.compile(Corpus.rules().rules(), List.of());
		int cases = 0;
		List<String> missed = new ArrayList<>();
		for (Path info : Corpus.files(Corpus.REGRESSION, "info.yml")) {
			Map<String, Object> yaml = new Yaml().load(Files.readString(info));
			String ruleId = (String) ((List<Map<String, Object>>) yaml.get("rule_metadata")).get(0).get("id");
			List<Path> jsons = Corpus.files(info.getParent(), ".json");
			if (jsons.isEmpty()) {
				continue;
			}
			for (Path json : jsons) {
				cases++;
				boolean hit = false;
				for (MapView event : Events.evtx(json)) {
					hit |= detector.match(event, 1).stream().anyMatch(m -> ruleId.equals(m.rule().id()));
				}
				if (!hit) {
					missed.add(Corpus.REGRESSION.relativize(json).toString());
				}
			}
		}
		assertThat(cases).isEqualTo(202);
		assertThat(missed).isEqualTo(List.of());
	}

}
