package vn.khien.monitoring.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OTRF Security-Datasets events against the matches a reference evaluator found (a hint,
 * not ground truth). The reference tried every rule on every event whatever its log
 * source, so its matches of non-Windows rules (Zeek's RDP listener on all of them) are
 * left out: routing refuses those by design.
 */
class OtrfReferenceTests {

	private static final Path OTRF = Corpus.ROOT.resolve("otrf");

	private final Detector detector = Detector.compile(Corpus.rules().rules(), List.of());

	private final java.util.Set<String> windowsRules = Corpus.rules()
		.rules()
		.stream()
		.filter(r -> "windows".equals(r.logSource().product()))
		.map(SigmaRule::fileName)
		.collect(java.util.stream.Collectors.toSet());

	@Test
	void copiedDatasetsAgreeWithTheReference() throws IOException {
		Agreement agreement = compare(OTRF, OTRF.resolve("expected_matches.reference.json"));
		System.out.println("OTRF reference agreement (copied datasets): " + agreement);
		assertThat(agreement.expected).isEqualTo(19);
		assertThat(agreement.fired).isEqualTo(19);
		assertThat(agreement.agreed).isEqualTo(19);
		assertThat(agreement.extra).isEmpty();
	}

	@Test
	void allFourteenDatasetsMostlyAgree() throws IOException {
		Path shared = Corpus.shared().resolve("events");
		Assumptions.assumeTrue(Files.isDirectory(shared.resolve("windows-flat-json/otrf-security-datasets")));
		Agreement agreement = compare(shared.resolve("windows-flat-json/otrf-security-datasets"),
				shared.resolve("expected_matches.reference.json"));
		System.out.println("OTRF reference agreement: " + agreement);
		assertThat(agreement.fired).isEqualTo(agreement.expected);
		assertThat(agreement.agreed).isGreaterThanOrEqualTo(agreement.expected * 9 / 10);
	}

	@SuppressWarnings("unchecked")
	private Agreement compare(Path dir, Path referenceFile) throws IOException {
		Map<String, Object> reference = JsonMapper.builder().build().readValue(referenceFile.toFile(), Map.class);
		Agreement agreement = new Agreement();
		for (Map.Entry<String, Object> entry : reference.entrySet()) {
			Path file = dir.resolve(Path.of(entry.getKey()).getFileName().toString());
			if (!Files.exists(file) || !entry.getKey().contains("otrf") && !entry.getKey().startsWith("psh_")
					&& !entry.getKey().startsWith("cmd_")) {
				continue;
			}
			Map<String, Integer> expected = new TreeMap<>();
			((Map<String, Object>) ((Map<String, Object>) entry.getValue()).get("matches")).forEach((rule, count) -> {
				if (windowsRules.contains(rule)) {
					expected.put(rule, ((Number) count).intValue());
				}
			});
			Map<String, Integer> found = new TreeMap<>();
			Map<String, Integer> from4688 = new TreeMap<>();
			for (MapView event : Events.otrf(file)) {
				// NB: the reference read process creation from Sysmon 1 only; 4688 is
				// counted apart
				boolean security4688 = Long.valueOf(4688).equals(event.field("EventID"));
				for (RuleMatch match : detector.match(event, 1)) {
					(security4688 ? from4688 : found).merge(match.rule().fileName(), 1, Integer::sum);
				}
			}
			agreement.also4688 += from4688.values().stream().mapToInt(Integer::intValue).sum();
			from4688.keySet().forEach(rule -> {
				if (!found.containsKey(rule)) {
					agreement.only4688.add(rule);
				}
			});
			agreement.expected += expected.size();
			expected.forEach((rule, count) -> {
				int total = found.getOrDefault(rule, 0) + from4688.getOrDefault(rule, 0);
				if (total > 0) {
					agreement.fired++;
				}
				if (count == total || count.equals(found.get(rule))) {
					agreement.agreed++;
				}
				else {
					agreement.differences.add(file.getFileName() + " " + rule + ": reference " + count + ", here "
							+ found.getOrDefault(rule, 0) + " + " + from4688.getOrDefault(rule, 0) + " on 4688");
				}
			});
			found.forEach((rule, count) -> {
				if (!expected.containsKey(rule)) {
					agreement.extra.add(file.getFileName() + " " + rule + ": " + count);
				}
			});
		}
		return agreement;
	}

	private static final class Agreement {

		int expected;

		int agreed;

		int fired;

		int also4688;

		final List<String> only4688 = new java.util.ArrayList<>();

		final List<String> differences = new java.util.ArrayList<>();

		final List<String> extra = new java.util.ArrayList<>();

		@Override
		public String toString() {
			return fired + " of " + expected + " reference rules fire here too; " + agreed
					+ " with the reference's count (on Sysmon alone or with Security 4688); differing " + differences
					+ "; only here " + extra + "; " + also4688
					+ " more matches on Security 4688 events, of rules that matched no Sysmon event: " + only4688;
		}

	}

}
