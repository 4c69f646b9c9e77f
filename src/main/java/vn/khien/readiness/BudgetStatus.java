package vn.khien.readiness;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/** Where a budget proposal stands: proposed, then approved, then funded; or rejected. */
public enum BudgetStatus {

	PROPOSED, APPROVED, FUNDED, REJECTED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The statuses a proposal in this one may move to. */
	public Set<BudgetStatus> next() {
		return switch (this) {
			case PROPOSED -> Set.of(APPROVED, REJECTED);
			case APPROVED -> Set.of(FUNDED, REJECTED);
			case FUNDED, REJECTED -> Set.of();
		};
	}

	public static BudgetStatus of(@Nullable String word, String field) {
		if (word == null || word.isBlank()) {
			throw new InvalidInputException(field, "training.field.required", field);
		}
		for (BudgetStatus status : values()) {
			if (status.name().equalsIgnoreCase(word.strip())) {
				return status;
			}
		}
		throw new InvalidInputException(field, "budget.status.unknown", word);
	}

}
