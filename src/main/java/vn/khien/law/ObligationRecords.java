package vn.khien.law;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by each module that holds the records showing a kind of obligation met
 * (scans, drills, assessments, inspections): the compliance overview asks them how the
 * caller's systems, or agencies, stand on each obligation of the pack in force without
 * depending on them.
 */
public interface ObligationRecords {

	/** Whether this module's records show {@code obligation} met. */
	boolean answers(RulePack.Obligation obligation);

	/**
	 * Over the caller's scope: how many systems (agencies, for a duty of the
	 * organisation) the obligation falls on today and how many met it in the period that
	 * ends today ({@link RulePack.Obligation#periodFrom}).
	 */
	Standing standing(RulePack.Obligation obligation, LocalDate today);

	/**
	 * The page that lists, one line each, who owes the obligation in the state asked for
	 * ({@code required}, {@code met} or {@code overdue}); null where the module has none.
	 */
	default @Nullable String list(RulePack.Obligation obligation, String state) {
		return null;
	}

	/** What the records show of one obligation; overdue are the required not met. */
	record Standing(long required, long met) {

		public long overdue() {
			return required - met;
		}

	}

	/**
	 * The module whose records show the obligation met; none when no module holds such
	 * records or the pack sets no period for the duty (it cannot be overdue).
	 */
	static Optional<ObligationRecords> answering(List<ObligationRecords> modules, RulePack.Obligation obligation) {
		if (obligation.every() == null || !obligation.every().set()) {
			return Optional.empty();
		}
		return modules.stream().filter(m -> m.answers(obligation)).findFirst();
	}

}
