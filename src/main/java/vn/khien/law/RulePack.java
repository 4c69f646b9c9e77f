package vn.khien.law;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A legal regime as data, read from one file: in force from {@code effectiveFrom} to
 * {@code effectiveTo} (inclusive, open when null). Every value carries its
 * {@link Source}; {@code adjustments} are the values an administrator changed since,
 * already applied. The file format is described in docs/rule-packs.md.
 */
public record RulePack(String id, String version, String title, LocalDate effectiveFrom,
		@Nullable LocalDate effectiveTo, List<LegalText> texts, List<Level> levels, List<Approval> approvals,
		List<DossierPart> dossierParts, List<RequirementGroup> requirements, List<Target> targets,
		List<Obligation> obligations, List<IncidentDeadline> incidentDeadlines, List<IncidentType> incidentTypes,
		@Nullable SeriousIncident seriousIncident, String file, List<PackAdjustment> adjustments) {

	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
	}

	/** Whether the two packs are both in force on some day. */
	public boolean overlaps(RulePack other) {
		boolean startsBeforeOtherEnds = other.effectiveTo == null || !effectiveFrom.isAfter(other.effectiveTo);
		boolean otherStartsBeforeThisEnds = effectiveTo == null || !other.effectiveFrom.isAfter(effectiveTo);
		return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
	}

	public Optional<Approval> approval(int level) {
		return approvals.stream().filter(a -> a.levels().contains(level)).findFirst();
	}

	public List<DossierPart> dossierParts(int level) {
		return dossierParts.stream().filter(p -> p.levels().contains(level)).toList();
	}

	public List<Requirement> requirements(int level) {
		return requirements.stream().flatMap(g -> g.items().stream()).filter(r -> r.levels().contains(level)).toList();
	}

	public List<Obligation> obligations(int level) {
		return obligations.stream().filter(o -> o.levels().isEmpty() || o.levels().contains(level)).toList();
	}

	public List<Criterion> criteria() {
		return levels.stream()
			.sorted(Comparator.comparingInt(Level::level).reversed())
			.flatMap(l -> l.criteria().stream())
			.toList();
	}

	public record LegalText(String number, String title, @Nullable LocalDate effective) {
	}

	public record Level(int level, String name, @Nullable String harm, List<Criterion> criteria) {
	}

	/**
	 * A system meets the criterion when every condition holds; a fact the system has no
	 * value for meets none.
	 */
	public record Criterion(String id, int level, String text, Source source, List<Condition> conditions) {

		public boolean metBy(SystemFacts facts) {
			return conditions.stream().allMatch(c -> c.metBy(facts));
		}

	}

	/**
	 * {@code fact} is one of {@code words}, or (numbers) equal to / at least / at most /
	 * below / above {@code number}.
	 */
	public record Condition(Fact fact, Test test, List<String> words, long number) {

		public enum Test {

			ONE_OF, EQUALS, AT_LEAST, AT_MOST, BELOW, ABOVE

		}

		public boolean metBy(SystemFacts facts) {
			Object value = facts.value(fact);
			if (value == null) {
				return false;
			}
			if (test == Test.ONE_OF) {
				return words.contains(String.valueOf(value));
			}
			long n = (Long) value;
			return switch (test) {
				case EQUALS -> n == number;
				case AT_LEAST -> n >= number;
				case AT_MOST -> n <= number;
				case BELOW -> n < number;
				case ABOVE -> n > number;
				case ONE_OF -> false;
			};
		}

	}

	/** Who may appraise and approve a level, as the pack names them. */
	public enum Authority {

		/** The owner's dedicated security unit (đơn vị chuyên trách). */
		DEDICATED_UNIT,
		/** The owner itself (chủ quản): for a province, its People's Committee. */
		OWNER,
		/** The Ministry of Information and Communications (before 1/3/2025). */
		MINISTRY_ICT,
		/** The Ministry of Public Security. */
		MINISTRY_PUBLIC_SECURITY,
		/** The Prime Minister. */
		PRIME_MINISTER

	}

	public record Approval(List<Integer> levels, Authority appraiser, Authority approver, @Nullable String note,
			@Nullable TimeLimit appraisalTime, @Nullable TimeLimit approvalTime, Source source) {
	}

	public record DossierPart(String id, String title, List<Integer> levels, Source source) {
	}

	public enum RequirementKind {

		MANAGEMENT, TECHNICAL

	}

	public record RequirementGroup(String id, RequirementKind kind, String title, Source source,
			List<Requirement> items) {
	}

	public record Requirement(String id, String group, String title, List<Integer> levels, Source source) {
	}

	/**
	 * A share the province must reach ({@code percent} of what {@code id} counts), by a
	 * date.
	 */
	public record Target(String id, String title, int percent, @Nullable LocalDate by, Source source) {
	}

	public Optional<Target> target(String id) {
		return targets.stream().filter(t -> t.id().equals(id)).findFirst();
	}

	public enum ObligationKind {

		INSPECTION, ASSESSMENT, SCAN, DRILL, REPORT

	}

	/**
	 * A duty that comes round: every {@code every} for systems of {@code levels}, or
	 * (reports) each year by {@code due}. {@code scope} organisation for duties of the
	 * agency as a whole.
	 */
	public record Obligation(String id, ObligationKind kind, String title, List<Integer> levels,
			@Nullable TimeLimit every, @Nullable MonthDay due, @Nullable String recipient, @Nullable String scope,
			Source source) {

		/** Whether the duty falls on a system approved at {@code level} (0: none yet). */
		public boolean covers(int level) {
			return level > 0 && (levels.isEmpty() || levels.contains(level));
		}

		/** A duty of the agency as a whole rather than of each of its systems. */
		public boolean ofOrganisation() {
			return "organisation".equals(scope);
		}

		/**
		 * The first day of the period that ends on {@code today}: whole calendar years
		 * for a duty counted in years (or without a span), the span back from today
		 * otherwise.
		 */
		public LocalDate periodFrom(LocalDate today) {
			if (every == null || every.amount() == null || every.unit() == TimeLimit.Unit.YEARS) {
				int years = every == null || every.amount() == null ? 1 : Math.max(1, every.amount());
				return LocalDate.of(today.getYear() - years + 1, 1, 1);
			}
			int n = every.amount();
			return switch (every.unit()) {
				case MONTHS -> today.minusMonths(n).plusDays(1);
				case DAYS, WORKING_DAYS -> today.minusDays(n).plusDays(1);
				case HOURS -> today;
				case YEARS -> LocalDate.of(today.getYear() - n + 1, 1, 1);
			};
		}

	}

	/**
	 * Report within {@code within} of {@code from} (discovery, response_end), for the
	 * incidents {@code when} names (serious, beyond_capability, national_security; null:
	 * all).
	 */
	public record IncidentDeadline(String id, String title, TimeLimit within, String from, @Nullable String when,
			@Nullable String recipient, Source source) {
	}

	/**
	 * An attack type of the pack's periodic report form, with the ENISA reference
	 * taxonomy's types ({@code class/type}) it counts.
	 */
	public record IncidentType(String id, String title, List<String> taxonomy, Source source) {
	}

	/**
	 * When an incident is serious: on a system of {@code levels} (or one on the national
	 * list), with one of {@code impacts}, and (if {@code beyondCapability}) more than its
	 * owner can handle.
	 */
	public record SeriousIncident(List<Integer> levels, List<String> impacts, boolean beyondCapability, Source source) {

		public boolean metBy(@Nullable Integer level, boolean nationallyImportant, @Nullable String impact,
				boolean beyondOwnCapability) {
			boolean system = nationallyImportant || (level != null && levels.contains(level));
			return system && impact != null && impacts.contains(impact) && (!beyondCapability || beyondOwnCapability);
		}

	}

	/** The attack type that counts the taxonomy type {@code taxonomy}, if any. */
	public Optional<IncidentType> incidentType(String taxonomy) {
		return incidentTypes.stream().filter(t -> t.taxonomy().contains(taxonomy)).findFirst();
	}

}
