package vn.khien.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.khien.monitoring.AlertDays;
import vn.khien.monitoring.DetectionRulesChanged;

/**
 * The ATT&CK matrix of what fired: the alerts per technique laid out under the tactics
 * the rules that detect it name (a rule tagged {@code attack.execution} and
 * {@code attack.t1059} puts T1059 under execution), tactics in ATT&CK's order. The
 * techniques' tactics are read from the rules once per change of the rules.
 */
@Service
public class AttackMatrix {

	/** ATT&CK Enterprise's tactics, in its order, as Sigma tags spell them. */
	static final List<String> TACTICS = List.of("reconnaissance", "resource-development", "initial-access", "execution",
			"persistence", "privilege-escalation", "defense-evasion", "stealth", "credential-access", "discovery",
			"lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

	/** Techniques whose rules name no tactic. */
	public static final String UNPLACED = "other";

	private final JdbcClient jdbc;

	private volatile @Nullable Map<String, Set<String>> tacticsOf;

	AttackMatrix(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A tactic and its techniques that fired, most alerts first. */
	public record Column(String tactic, List<Cell> techniques) {
	}

	/** A technique and its alerts in the period. */
	public record Cell(String technique, long alerts) {
	}

	/**
	 * The columns with something in them: the known tactics in order, then any other
	 * tactic a rule names, then the techniques no rule places.
	 */
	public List<Column> of(Map<String, Long> alertsByTechnique) {
		return of(alertsByTechnique, tactics());
	}

	static List<Column> of(Map<String, Long> alertsByTechnique, Map<String, Set<String>> tactics) {
		Map<String, List<Cell>> columns = new LinkedHashMap<>();
		TACTICS.forEach(t -> columns.put(t, new ArrayList<>()));
		List<Cell> unplaced = new ArrayList<>();
		alertsByTechnique.forEach((technique, alerts) -> {
			Set<String> of = tactics.getOrDefault(technique, Set.of());
			if (of.isEmpty()) {
				unplaced.add(new Cell(technique, alerts));
			}
			for (String tactic : of) {
				columns.computeIfAbsent(tactic, k -> new ArrayList<>()).add(new Cell(technique, alerts));
			}
		});
		// NB: last, after any tactic ATT&CK added since
		columns.put(UNPLACED, unplaced);
		List<Column> matrix = new ArrayList<>();
		columns.forEach((tactic, cells) -> {
			if (!cells.isEmpty()) {
				cells.sort((a, b) -> a.alerts() != b.alerts() ? Long.compare(b.alerts(), a.alerts())
						: a.technique().compareTo(b.technique()));
				matrix.add(new Column(tactic, cells));
			}
		});
		return matrix;
	}

	@EventListener
	void rulesChanged(DetectionRulesChanged event) {
		tacticsOf = null;
	}

	private Map<String, Set<String>> tactics() {
		Map<String, Set<String>> known = tacticsOf;
		if (known == null) {
			Map<String, Set<String>> read = new LinkedHashMap<>();
			jdbc.sql("SELECT tags FROM detection_rule WHERE tags LIKE '%attack.t%'")
				.query(String.class)
				.list()
				.forEach(tags -> place(List.of(tags.split(" ")), read));
			tacticsOf = known = read;
		}
		return known;
	}

	/** The techniques of one rule's tags under each tactic its tags name. */
	static void place(List<String> tags, Map<String, Set<String>> into) {
		List<String> tactics = new ArrayList<>();
		for (String tag : tags) {
			String t = tag.toLowerCase(Locale.ROOT).strip();
			if (t.startsWith("attack.") && t.substring(7).matches("[a-z]+([_-][a-z]+)*")) {
				tactics.add(t.substring(7).replace('_', '-'));
			}
		}
		for (String technique : AlertDays.techniques(tags)) {
			into.computeIfAbsent(technique, k -> new LinkedHashSet<>()).addAll(tactics);
		}
	}

}
