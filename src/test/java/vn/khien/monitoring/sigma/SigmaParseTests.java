package vn.khien.monitoring.sigma;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.khien.monitoring.event.LogSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading files: metadata kept, several documents per file, every kind of bad input
 * refused with its line.
 */
class SigmaParseTests {

	private static final String GOOD = """
			title: Good rule
			id: 11111111-1111-1111-1111-111111111111
			status: test
			level: high
			author: Jane Doe, John Roe
			description: Something bad
			license: DRL-1.1
			references:
			    - https://example.org/a
			tags:
			    - attack.execution
			    - attack.t1059.001
			    - attack.g0016
			logsource:
			    product: Windows
			    category: process_creation
			detection:
			    selection:
			        Image|endswith: '\\evil.exe'
			    condition: selection
			falsepositives:
			    - Admins
			fields:
			    - CommandLine
			""";

	private static ParseResult parse(String yaml) {
		return SigmaRules.parse("f.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void keepsEveryFieldOfTheRule() {
		ParseResult result = parse(GOOD);
		assertThat(result.errors()).isEmpty();
		SigmaRule rule = result.rules().get(0);
		assertThat(rule.id()).isEqualTo("11111111-1111-1111-1111-111111111111");
		assertThat(rule.title()).isEqualTo("Good rule");
		assertThat(rule.author()).isEqualTo("Jane Doe, John Roe");
		assertThat(rule.status()).isEqualTo("test");
		assertThat(rule.level()).isEqualTo("high");
		assertThat(rule.license()).isEqualTo("DRL-1.1");
		assertThat(rule.references()).containsExactly("https://example.org/a");
		assertThat(rule.techniques()).containsExactly("attack.t1059.001");
		assertThat(rule.tactics()).containsExactly("attack.execution");
		assertThat(rule.logSource()).isEqualTo(new LogSource("windows", "process_creation", null));
		assertThat(rule.falsePositives()).containsExactly("Admins");
		assertThat(rule.fields()).containsExactly("CommandLine");
		assertThat(rule.detection().conditions()).containsExactly("selection");
		assertThat(rule.line()).isEqualTo(1);
	}

	private static RuleError onlyError(String yaml) {
		ParseResult result = parse(yaml);
		assertThat(result.errors()).hasSize(1);
		return result.errors().get(0);
	}

	@Test
	void invalidYamlIsRefusedWithItsLine() {
		RuleError error = onlyError("title: x\ndetection:\n  sel: [a, b\n  condition: sel\n");
		assertThat(error.fileName()).isEqualTo("f.yml");
		assertThat(error.line()).isBetween(3, 5);
		assertThat(error.message()).startsWith("invalid YAML");
	}

	@Test
	void aMissingDetectionOrConditionIsRefused() {
		RuleError noDetection = onlyError("title: x\nlogsource:\n  product: windows\n");
		assertThat(noDetection.message()).contains("missing 'detection'");
		RuleError noCondition = onlyError("title: x\nlogsource:\n  product: windows\ndetection:\n  sel:\n    A: 1\n");
		assertThat(noCondition.message()).contains("missing 'condition'");
		assertThat(noCondition.line()).isEqualTo(5);
	}

	@Test
	void anUnknownModifierIsRefusedAtItsKey() {
		RuleError error = onlyError(
				"title: x\nlogsource:\n  product: windows\ndetection:\n  sel:\n    A: 1\n    B|containz: x\n  condition: sel\n");
		assertThat(error.line()).isEqualTo(7);
		assertThat(error.message()).contains("unknown modifier 'containz'");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    B|expand: '%x%'\n  condition: sel\n")
			.message()).contains("'expand' is not supported");
		assertThat(
				onlyError("title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    B|i: x\n  condition: sel\n")
					.message())
			.contains("only follows 're'");
	}

	@Test
	void anUndefinedSelectionInTheConditionIsRefused() {
		RuleError error = onlyError(
				"title: x\nlogsource:\n  product: windows\ndetection:\n  sel:\n    A: 1\n  condition: sel and not filter\n");
		assertThat(error.line()).isEqualTo(7);
		assertThat(error.message()).contains("no search identifier 'filter'");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel: {A: 1}\n  condition: 1 of filter_*\n")
			.message()).contains("names no search identifier");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel: {A: 1}\n  condition: sel and (sel\n")
			.message()).contains("missing ')'");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel: {A: 1}\n  condition: sel | count() > 5\n")
			.message()).contains("correlation");
		assertThat(
				onlyError("title: x\nlogsource: {product: windows}\ndetection:\n  sel: {A: 1}\n  condition: sel or\n")
					.message())
			.contains("ends where");
	}

	@Test
	void aRegexRe2CannotRunIsRefusedAtItsValue() {
		RuleError error = onlyError(
				"title: x\nlogsource:\n  product: windows\ndetection:\n  sel:\n    A|re:\n      - 'ok'\n"
						+ "      - '(a)\\1'\n  condition: sel\n");
		assertThat(error.line()).isEqualTo(8);
		assertThat(error.message()).contains("regular expression refused");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A|re: 'a(?=b)'\n  condition: sel\n")
			.message()).contains("regular expression refused");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A|re: '[unclosed'\n  condition: sel\n")
			.line()).isEqualTo(5);
	}

	@Test
	void otherBadValuesAreRefused() {
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A|cidr: 10.0.0.0/33\n  condition: sel\n")
			.message()).contains("not a network");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A|gt: ten\n  condition: sel\n")
			.message()).contains("needs a number");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A|exists: maybe\n  condition: sel\n")
			.message()).contains("exists");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A|base64: 'a*'\n  condition: sel\n")
			.message()).contains("wildcards");
		assertThat(
				onlyError("title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A: []\n  condition: sel\n")
					.message())
			.contains("empty list");
		assertThat(onlyError(
				"title: x\nlogsource: {product: windows}\ndetection:\n  sel:\n    A: 1\n    A: 2\n  condition: sel\n")
			.message()).contains("duplicate key");
		assertThat(onlyError("- a\n- b\n").message()).contains("must be a map");
		assertThat(onlyError("").message()).contains("no YAML document");
		assertThat(SigmaRules.parse("bin.yml", new byte[] { (byte) 0xC3, 0x28 }).errors().get(0).message())
			.contains("UTF-8");
	}

	@Test
	void theOtherDocumentsOfAFileStillLoad() {
		String file = GOOD + "---\ntitle: broken\nlogsource: {product: windows}\ndetection:\n  sel: {A|nope: 1}\n"
				+ "  condition: sel\n---\n" + GOOD.replace("11111111", "22222222");
		ParseResult result = parse(file);
		assertThat(result.rules()).extracting(SigmaRule::id)
			.containsExactly("11111111-1111-1111-1111-111111111111", "22222222-1111-1111-1111-222222221111");
		assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(29));
	}

	@Test
	void aRuleACorrelationAndAFilterMayShareAFile() {
		String file = GOOD + """
				---
				title: Many evil processes
				id: c1
				author: Khien
				correlation:
				    type: event_count
				    rules:
				        - 11111111-1111-1111-1111-111111111111
				    group-by:
				        - Computer
				    timespan: 15m
				    condition:
				        gte: 5
				    generate: true
				---
				title: Our admin tool
				id: f1
				logsource:
				    product: windows
				    category: process_creation
				filter:
				    rules:
				        - 11111111-1111-1111-1111-111111111111
				    selection:
				        User|startswith: 'adm_'
				    condition: selection
				""";
		ParseResult result = parse(file);
		assertThat(result.errors()).isEmpty();
		assertThat(result.rules()).hasSize(1);
		SigmaCorrelation correlation = result.correlations().get(0);
		assertThat(correlation.type()).isEqualTo(SigmaCorrelation.Type.EVENT_COUNT);
		assertThat(correlation.timespan()).hasMinutes(15);
		assertThat(correlation.groupBy()).containsExactly("Computer");
		assertThat(correlation.condition().test(5)).isTrue();
		assertThat(correlation.condition().test(4)).isFalse();
		assertThat(correlation.generate()).isTrue();
		assertThat(result.filters().get(0).rules()).containsExactly("11111111-1111-1111-1111-111111111111");
	}

	@Test
	void sigmaOneCollectionsMergeTheGlobalDocument() {
		String file = """
				action: global
				title: Collection
				author: A
				logsource:
				    product: windows
				detection:
				    condition: selection
				---
				id: one
				detection:
				    selection:
				        A: 1
				---
				id: two
				logsource:
				    service: security
				detection:
				    selection:
				        B: 2
				""";
		ParseResult result = parse(file);
		assertThat(result.errors()).isEmpty();
		assertThat(result.rules()).extracting(SigmaRule::id).containsExactly("one", "two");
		assertThat(result.rules().get(1).logSource()).isEqualTo(new LogSource("windows", null, "security"));
		assertThat(result.rules().get(1).detection().matches(MapView.windows("B", 2))).isTrue();
	}

	@Test
	void badCorrelationsAreRefused() {
		String head = "title: c\ncorrelation:\n";
		assertThat(onlyError(head + "  type: value_sum\n  rules: [a]\n  timespan: 1h\n  condition: {gt: 1, field: x}\n")
			.message()).contains("not supported");
		assertThat(onlyError(head + "  type: event_count\n  rules: [a]\n  timespan: 1 hour\n  condition: {gt: 1}\n")
			.message()).contains("timespan");
		assertThat(
				onlyError(head + "  type: value_count\n  rules: [a]\n  timespan: 1h\n  condition: {gt: 1}\n").message())
			.contains("'field'");
		assertThat(
				onlyError(head + "  type: event_count\n  rules: [a]\n  timespan: 1h\n  condition: {lt: 3}\n").message())
			.contains("absence");
		assertThat(onlyError(head + "  type: event_count\n  timespan: 1h\n  condition: {gt: 3}\n").message())
			.contains("'rules'");
	}

}
