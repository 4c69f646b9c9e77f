package vn.khien.monitoring.sigma;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.khien.monitoring.event.LogSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlations in event time: both sides of each threshold and of the timespan. */
class CorrelatorTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final SigmaRule FAILED = rule("failed", "failed_logon", "s:\n  EventID: 4625\ncondition: s");

	private static final SigmaRule SUCCESS = rule("success", "successful_logon", "s:\n  EventID: 4624\ncondition: s");

	private static final SigmaRule RECON = rule("recon", "recon", "s:\n  EventID: 1\ncondition: s");

	private static SigmaRule rule(String id, String name, String detection) {
		String yaml = "title: " + id + "\nid: " + id + "\nname: " + name
				+ "\nauthor: a\nlogsource:\n  product: windows\n" + "detection:\n" + detection.indent(2);
		return SigmaRules.parse(id + ".yml", yaml.getBytes(StandardCharsets.UTF_8)).rules().get(0);
	}

	private static SigmaCorrelation correlation(String body) {
		String yaml = "title: c\nid: c\nname: corr\nauthor: k\ncorrelation:\n" + body.indent(4);
		ParseResult result = SigmaRules.parse("c.yml", yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.errors()).isEmpty();
		return result.correlations().get(0);
	}

	private static MapView event(int seconds, Object... pairs) {
		return MapView.of(new LogSource("windows", null, null), T0.plusSeconds(seconds), pairs);
	}

	private static List<CorrelationMatch> feed(Correlator correlator, SigmaRule rule, MapView event) {
		return correlator.accept(new RuleMatch(rule, List.of("s")), event, 1);
	}

	private static final String FIVE_IN_A_MINUTE = """
			type: event_count
			rules:
			    - failed
			group-by:
			    - TargetUserName
			timespan: 60s
			condition:
			    gte: 5
			""";

	@Test
	void eventCountFiresOnTheBurstAndNotBelowIt() {
		Correlator correlator = new Correlator(List.of(correlation(FIVE_IN_A_MINUTE)));
		List<CorrelationMatch> fired = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			fired.addAll(feed(correlator, FAILED, event(i * 10, "TargetUserName", "bob")));
		}
		assertThat(fired).isEmpty();
		fired.addAll(feed(correlator, FAILED, event(40, "TargetUserName", "bob")));
		assertThat(fired).singleElement().satisfies(m -> {
			assertThat(m.count()).isEqualTo(5);
			assertThat(m.group()).containsEntry("TargetUserName", "bob");
			assertThat(m.first()).isEqualTo(T0);
			assertThat(m.last()).isEqualTo(T0.plusSeconds(40));
			assertThat(m.rules()).containsExactly("failed");
		});
		// the burst fired once; its group starts afresh
		assertThat(feed(correlator, FAILED, event(41, "TargetUserName", "bob"))).isEmpty();
	}

	@Test
	void eventCountDoesNotFireWhenTheBurstIsSpreadBeyondTheTimespan() {
		Correlator correlator = new Correlator(List.of(correlation(FIVE_IN_A_MINUTE)));
		List<CorrelationMatch> fired = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			fired.addAll(feed(correlator, FAILED, event(i * 16, "TargetUserName", "bob")));
		}
		assertThat(fired).isEmpty();
		// exactly at the edge of the timespan the first event still counts
		Correlator edge = new Correlator(List.of(correlation(FIVE_IN_A_MINUTE)));
		for (int i = 0; i < 4; i++) {
			fired.addAll(feed(edge, FAILED, event(i * 15, "TargetUserName", "bob")));
		}
		fired.addAll(feed(edge, FAILED, event(60, "TargetUserName", "bob")));
		assertThat(fired).hasSize(1);
	}

	@Test
	void groupsAndAgenciesCountApart() {
		Correlator correlator = new Correlator(List.of(correlation(FIVE_IN_A_MINUTE)));
		List<CorrelationMatch> fired = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			fired.addAll(feed(correlator, FAILED, event(i, "TargetUserName", "bob")));
			fired.addAll(feed(correlator, FAILED, event(i, "TargetUserName", "alice")));
			fired.addAll(correlator.accept(new RuleMatch(FAILED, List.of()), event(i, "TargetUserName", "bob"), 2));
		}
		assertThat(fired).isEmpty();
	}

	@Test
	void rangesAndStrictBoundsHold() {
		Correlator correlator = new Correlator(List.of(correlation(
				"type: event_count\nrules: [failed]\ngroup-by: [Computer]\ntimespan: 1h\ncondition:\n    gt: 2\n    lte: 10\n")));
		assertThat(feed(correlator, FAILED, event(0, "Computer", "pc"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(1, "Computer", "pc"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(2, "Computer", "pc"))).hasSize(1);
	}

	@Test
	void valueCountCountsDistinctValues() {
		Correlator correlator = new Correlator(List.of(correlation("""
				type: value_count
				rules: [failed]
				group-by: [IpAddress]
				timespan: 10m
				condition:
				    field: TargetUserName
				    gte: 3
				""")));
		assertThat(feed(correlator, FAILED, event(0, "IpAddress", "1.2.3.4", "TargetUserName", "a"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(1, "IpAddress", "1.2.3.4", "TargetUserName", "a"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(2, "IpAddress", "1.2.3.4", "TargetUserName", "b"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(3, "IpAddress", "1.2.3.4"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(700, "IpAddress", "1.2.3.4", "TargetUserName", "c"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(701, "IpAddress", "1.2.3.4", "TargetUserName", "d"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(702, "IpAddress", "1.2.3.4", "TargetUserName", "e"))).singleElement()
			.satisfies(m -> assertThat(m.count()).isEqualTo(3));
	}

	@Test
	void temporalNeedsEveryRuleWithinTheTimespanInAnyOrder() {
		SigmaCorrelation temporal = correlation(
				"type: temporal\nrules: [recon, failed_logon, success]\ngroup-by: [Computer]\ntimespan: 5m\n");
		Correlator correlator = new Correlator(List.of(temporal));
		assertThat(feed(correlator, SUCCESS, event(0, "Computer", "pc"))).isEmpty();
		assertThat(feed(correlator, RECON, event(10, "Computer", "pc"))).isEmpty();
		assertThat(feed(correlator, FAILED, event(20, "Computer", "pc"))).hasSize(1);
		Correlator late = new Correlator(List.of(temporal));
		assertThat(feed(late, SUCCESS, event(0, "Computer", "pc"))).isEmpty();
		assertThat(feed(late, RECON, event(10, "Computer", "pc"))).isEmpty();
		assertThat(feed(late, FAILED, event(301, "Computer", "pc"))).isEmpty();
	}

	@Test
	void temporalOrderedNeedsTheOrder() {
		SigmaCorrelation ordered = correlation(
				"type: temporal_ordered\nrules: [failed_logon, successful_logon]\ngroup-by: [TargetUserName]\ntimespan: 1h\n");
		Correlator wrongOrder = new Correlator(List.of(ordered));
		assertThat(feed(wrongOrder, SUCCESS, event(0, "TargetUserName", "bob"))).isEmpty();
		assertThat(feed(wrongOrder, FAILED, event(10, "TargetUserName", "bob"))).isEmpty();
		assertThat(feed(wrongOrder, SUCCESS, event(4000, "TargetUserName", "bob"))).isEmpty();
		Correlator inOrder = new Correlator(List.of(ordered));
		assertThat(feed(inOrder, FAILED, event(0, "TargetUserName", "bob"))).isEmpty();
		assertThat(feed(inOrder, SUCCESS, event(3599, "TargetUserName", "bob"))).hasSize(1);
	}

	@Test
	void correlationsChainAndReferencedRulesAreNotStandaloneByDefault() {
		SigmaCorrelation burst = correlation(FIVE_IN_A_MINUTE);
		String chained = "title: then success\nid: c2\nauthor: k\ncorrelation:\n    type: temporal_ordered\n"
				+ "    rules: [corr, success]\n    group-by: [TargetUserName]\n    timespan: 1h\n";
		SigmaCorrelation then = SigmaRules.parse("c2.yml", chained.getBytes(StandardCharsets.UTF_8))
			.correlations()
			.get(0);
		Correlator correlator = new Correlator(List.of(burst, then));
		List<CorrelationMatch> fired = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			fired.addAll(feed(correlator, FAILED, event(i, "TargetUserName", "bob")));
		}
		fired.addAll(feed(correlator, SUCCESS, event(100, "TargetUserName", "bob")));
		assertThat(fired).extracting(m -> m.correlation().id()).containsExactly("c", "c2");
		assertThat(correlator.standalone(FAILED)).isFalse();
		assertThat(correlator.standalone(RECON)).isTrue();
	}

	@Test
	void memoryIsBoundedAndEvictionsCounted() {
		Correlator correlator = new Correlator(List.of(correlation(FIVE_IN_A_MINUTE)), 100, 1000);
		for (int i = 0; i < 1000; i++) {
			feed(correlator, FAILED, event(i, "TargetUserName", "user" + i));
		}
		assertThat(correlator.evictions()).isEqualTo(900);
		// the most recent groups are still counted
		for (int i = 0; i < 4; i++) {
			assertThat(feed(correlator, FAILED, event(1000 + i, "TargetUserName", "user999")))
				.hasSizeLessThanOrEqualTo(1);
		}
	}

}
