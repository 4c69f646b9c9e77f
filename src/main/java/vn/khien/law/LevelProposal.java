package vn.khien.law;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The level the pack in force gives a system's facts: the highest level of any criterion
 * met, the criterion that decided it, and every criterion met.
 */
public record LevelProposal(int level, String pack, String packTitle, Cited criterion, List<Cited> met,
		Map<String, @Nullable Object> facts) {

	/** A criterion as the proposal shows it. */
	public record Cited(String id, int level, String text, String citation, Source.Status status) {

		static Cited of(RulePack.Criterion c) {
			return new Cited(c.id(), c.level(), c.text(), c.source().citation(), c.source().status());
		}

	}

}
