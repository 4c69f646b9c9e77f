package vn.khien.law;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A span of time a pack sets (an appraisal's time limit, how often an obligation comes
 * round, how soon an incident is reported); {@code amount} is null where the law names
 * the duty but no span (not yet sourced), 0 means at once.
 */
public record TimeLimit(@Nullable Integer amount, Unit unit, @Nullable Source source) {

	public enum Unit {

		HOURS, DAYS, WORKING_DAYS, MONTHS, YEARS

	}

	public boolean set() {
		return amount != null;
	}

	/**
	 * The day this span ends when it starts on {@code from}; working days skip Saturdays
	 * and Sundays (public holidays are not known to Khiên).
	 */
	public @Nullable LocalDate after(LocalDate from) {
		if (amount == null) {
			return null;
		}
		return switch (unit) {
			case HOURS -> from.atStartOfDay().plusHours(amount).toLocalDate();
			case DAYS -> from.plusDays(amount);
			case WORKING_DAYS -> workingDaysAfter(from, amount);
			case MONTHS -> from.plusMonths(amount);
			case YEARS -> from.plusYears(amount);
		};
	}

	/** The moment this span ends when it starts at {@code from}. */
	public @Nullable LocalDateTime after(LocalDateTime from) {
		if (amount == null) {
			return null;
		}
		return switch (unit) {
			case HOURS -> from.plusHours(amount);
			case DAYS -> from.plusDays(amount);
			case WORKING_DAYS -> workingDaysAfter(from.toLocalDate(), amount).atTime(from.toLocalTime());
			case MONTHS -> from.plusMonths(amount);
			case YEARS -> from.plusYears(amount);
		};
	}

	private static LocalDate workingDaysAfter(LocalDate from, int days) {
		LocalDate day = from;
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (day.getDayOfWeek().getValue() <= 5) {
				left--;
			}
		}
		return day;
	}

}
