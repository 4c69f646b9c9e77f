package vn.khien.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A technique goes under each tactic its rules name, in ATT&CK's order; a tactic ATT&CK
 * added later follows the known ones, and a technique no rule places comes last.
 */
class AttackMatrixTests {

	@Test
	void aRulesTechniquesGoUnderEachTacticItNames() {
		Map<String, Set<String>> tactics = new LinkedHashMap<>();
		AttackMatrix.place(List.of("attack.T1059.001", "attack.execution", "attack.s0190", "attack.new_tactic",
				"attack.persistence", "cve.2021-44228"), tactics);
		assertThat(tactics).containsOnlyKeys("T1059.001");
		assertThat(tactics.get("T1059.001")).containsExactly("execution", "new-tactic", "persistence");
	}

	@Test
	void theColumnsFollowAttacksOrderWithUnknownTacticsAndUnplacedTechniquesAfter() {
		Map<String, Set<String>> tactics = Map.of("T1059", Set.of("execution"), "T1003", Set.of("credential-access"),
				"T9999", Set.of("new-tactic"), "T1197", Set.of("persistence", "defense-evasion"));
		Map<String, Long> fired = new LinkedHashMap<>();
		fired.put("T1003", 2L);
		fired.put("T1059", 5L);
		fired.put("T1197", 1L);
		fired.put("T9999", 1L);
		fired.put("T1566", 4L);
		var matrix = AttackMatrix.of(fired, tactics);
		assertThat(matrix).extracting(AttackMatrix.Column::tactic)
			.containsExactly("execution", "persistence", "defense-evasion", "credential-access", "new-tactic",
					AttackMatrix.UNPLACED);
		assertThat(matrix.get(0).techniques()).containsExactly(new AttackMatrix.Cell("T1059", 5));
		assertThat(matrix.get(5).techniques()).containsExactly(new AttackMatrix.Cell("T1566", 4));
	}

}
