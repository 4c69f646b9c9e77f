package vn.khien.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.khien.law.internal.PackException;
import vn.khien.law.internal.RulePackReader;

/**
 * The two shipped packs read whole, and a broken pack refused with the line at fault:
 * each case below breaks one line of a small valid pack.
 */
class RulePackReaderTests {

	static final String VALID = """
			id: test-pack
			version: "1"
			title: A pack
			effective:
			  from: 2020-01-01
			  to: 2020-12-31
			texts:
			  - number: 1/2020/NĐ-CP
			    title: A decree
			levels:
			  - level: 1
			    name: Level one
			    criteria:
			      - id: c1
			        text: Internal
			        source: { document: 1/2020/NĐ-CP, article: Điều 1 }
			        when: { function: internal }
			approvals: []
			dossierParts: []
			requirements:
			  - id: g
			    kind: management
			    title: Group
			    source: { document: 1/2020/NĐ-CP, article: Điều 2 }
			    items:
			      - id: r1
			        title: Requirement
			        levels: [1]
			        source: { document: 1/2020/NĐ-CP, article: Điều 3 }
			obligations:
			  - id: scan
			    kind: scan
			    title: Scan
			    levels: [1]
			    every: { amount: 6, unit: months }
			    source: { document: 1/2020/NĐ-CP, article: Điều 4 }
			incidentDeadlines: []
			""";

	static RulePack read(String name, String yaml) throws IOException {
		return RulePackReader.read(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theShippedPacksReadWhole() throws IOException {
		RulePack legacy = shipped("vn-2016-nd85.yaml");
		RulePack current = shipped("vn-2026-nd331.yaml");
		assertThat(legacy.effectiveTo()).isEqualTo(LocalDate.of(2026, 8, 18));
		assertThat(current.effectiveFrom()).isEqualTo(LocalDate.of(2026, 8, 19));
		assertThat(legacy.overlaps(current)).isFalse();
		assertThat(legacy.levels()).extracting(RulePack.Level::level).containsExactly(1, 2, 3, 4, 5);
		assertThat(current.levels()).extracting(RulePack.Level::level).containsExactly(1, 2, 3, 4, 5);
		// 7 management and 4 technical groups in both regimes
		assertThat(legacy.requirements()).hasSize(11);
		assertThat(current.requirements()).hasSize(11);
		assertThat(legacy.approval(4).orElseThrow().appraiser()).isEqualTo(RulePack.Authority.MINISTRY_ICT);
		assertThat(current.approval(4).orElseThrow().appraiser())
			.isEqualTo(RulePack.Authority.MINISTRY_PUBLIC_SECURITY);
		assertThat(current.approval(4).orElseThrow().appraisalTime()).isEqualTo(new TimeLimit(25,
				TimeLimit.Unit.WORKING_DAYS, new Source("331/2026/NĐ-CP", "Điều 23", Source.Status.CONFIRMED, null)));
		// the interval the decree does not set is carried as not yet sourced, without an
		// amount
		RulePack.Obligation inspection = current.obligations()
			.stream()
			.filter(o -> o.id().equals("inspection-periodic"))
			.findFirst()
			.orElseThrow();
		assertThat(inspection.every().amount()).isNull();
		assertThat(inspection.source().status()).isEqualTo(Source.Status.NOT_YET_SOURCED);
		assertThat(legacy.incidentDeadlines()).extracting(d -> d.within().amount()).contains(5);
		assertThat(current.incidentDeadlines()).extracting(d -> d.within().amount()).contains(24, 72);
		assertThat(legacy.requirements(3)).isNotEmpty();
		assertThat(legacy.dossierParts(4)).hasSize(5);
		assertThat(legacy.dossierParts(3)).hasSize(4);
	}

	@Test
	void aValidPackReads() throws IOException {
		RulePack pack = read("test.yaml", VALID);
		assertThat(pack.id()).isEqualTo("test-pack");
		assertThat(pack.obligations().get(0).every().amount()).isEqualTo(6);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing title         | 'title: A pack'                  | ''                                   | 1  | law.pack.missingField
					unknown field         | '      - id: r1'                 | '      - id: r1\\n        level: 7'   | 27 | law.pack.unknownField
					level out of range    | 'levels: [1]'                    | 'levels: [6]'                        | 28 | law.pack.unknownLevel
					requirement no level  | 'levels: [1]'                    | 'levels: []'                         | 28 | law.pack.noLevel
					criterion level 9     | '  - level: 1'                   | '  - level: 9'                       | 11 | law.pack.unknownLevel
					unknown fact          | 'when: { function: internal }'   | 'when: { colour: blue }'             | 17 | law.pack.unknownField
					unknown word          | 'when: { function: internal }'   | 'when: { function: sometimes }'      | 17 | law.pack.unknownWord
					bad date              | 'from: 2020-01-01'               | 'from: 2020-13-01'                   | 5  | law.pack.badDate
					ends before it starts | 'to: 2020-12-31'                 | 'to: 2019-12-31'                     | 6  | law.pack.endsBeforeStart
					source without article| 'article: Điều 4 }'              | 'article: }'                         | 36 | law.pack.sourceIncomplete
					unsourced amount gone | 'every: { amount: 6, unit: months }' | 'every: { unit: months }'        | 35 | law.pack.amountUnsourced
					not YAML              | 'title: A pack'                  | 'title: [A pack'                     | 4  | law.pack.syntax
					""")
	void aBrokenPackIsRefusedWithItsLine(String why, String line, String replacement, int expectedLine, String key) {
		String broken = VALID.replace(line, replacement.replace("\\n", "\n"));
		assertThat(broken).as(why).isNotEqualTo(VALID);
		assertThatThrownBy(() -> read("broken.yaml", broken)).as(why)
			.isInstanceOfSatisfying(PackException.class, ex -> {
				assertThat(ex.refusal().file()).isEqualTo("broken.yaml");
				assertThat(ex.refusal().messageKey()).isEqualTo(key);
				assertThat(ex.refusal().line()).isEqualTo(expectedLine);
			});
	}

	@Test
	void anEmptyFileOrAnotherDocumentIsRefused() {
		assertThatThrownBy(() -> read("empty.yaml", "")).isInstanceOfSatisfying(PackException.class,
				ex -> assertThat(ex.refusal().messageKey()).isEqualTo("law.pack.empty"));
		assertThatThrownBy(() -> read("list.yaml", "- a\n- b\n")).isInstanceOfSatisfying(PackException.class,
				ex -> assertThat(ex.refusal().messageKey()).isEqualTo("law.pack.notMapping"));
		// aliases expanding without bound (billion laughs) are refused by the loader's
		// limit
		String laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
				+ "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
		assertThatThrownBy(() -> read("laughs.yaml", laughs)).isInstanceOfSatisfying(PackException.class,
				ex -> assertThat(ex.refusal().messageKey()).isEqualTo("law.pack.syntax"));
	}

	private static RulePack shipped(String file) throws IOException {
		try (InputStream in = RulePackReaderTests.class.getResourceAsStream("/law/packs/" + file)) {
			return RulePackReader.read(file, in);
		}
	}

}
