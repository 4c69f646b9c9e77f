package vn.khien.law;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/**
 * The facts about a system that the level criteria weigh. {@code personalDataSubjects}
 * counts the people whose personal data it handles, {@code sensitiveDataSubjects} those
 * of them whose sensitive data it handles; {@code onlinePublicServiceLevel} is the level
 * (0–4) of the online public services it provides under the older scale;
 * {@code constructionGrade} is null unless it controls construction works.
 */
public record SystemFacts(String function, int onlinePublicServiceLevel, boolean administrativeProcedures,
		long personalDataSubjects, long sensitiveDataSubjects, String stateSecret, String infrastructureScope,
		boolean conditionalBusiness, String nationalSecurityHarm, @Nullable String constructionGrade) {

	public SystemFacts {
		check(Fact.FUNCTION, function);
		check(Fact.STATE_SECRET, stateSecret);
		check(Fact.INFRASTRUCTURE_SCOPE, infrastructureScope);
		check(Fact.NATIONAL_SECURITY_HARM, nationalSecurityHarm);
		if (constructionGrade != null) {
			check(Fact.CONSTRUCTION_GRADE, constructionGrade);
		}
		if (onlinePublicServiceLevel < 0 || onlinePublicServiceLevel > 4) {
			throw new InvalidInputException("facts.onlinePublicServiceLevel", "law.facts.range", 0, 4);
		}
		if (personalDataSubjects < 0) {
			throw new InvalidInputException("facts.personalDataSubjects", "law.facts.negative");
		}
		if (sensitiveDataSubjects < 0 || sensitiveDataSubjects > personalDataSubjects) {
			throw new InvalidInputException("facts.sensitiveDataSubjects", "law.facts.sensitive");
		}
	}

	private static void check(Fact fact, String value) {
		if (!fact.words().contains(value)) {
			throw new InvalidInputException("facts." + fact.key(), "law.facts.word", value,
					String.join(", ", fact.words()));
		}
	}

	/** The fact's value: a Long, a Boolean, a String, or null when not known. */
	public @Nullable Object value(Fact fact) {
		return switch (fact) {
			case FUNCTION -> function;
			case ONLINE_PUBLIC_SERVICE_LEVEL -> (long) onlinePublicServiceLevel;
			case ADMINISTRATIVE_PROCEDURES -> administrativeProcedures;
			case PERSONAL_DATA_SUBJECTS -> personalDataSubjects;
			case SENSITIVE_DATA_SUBJECTS -> sensitiveDataSubjects;
			case STATE_SECRET -> stateSecret;
			case INFRASTRUCTURE_SCOPE -> infrastructureScope;
			case CONDITIONAL_BUSINESS -> conditionalBusiness;
			case NATIONAL_SECURITY_HARM -> nationalSecurityHarm;
			case CONSTRUCTION_GRADE -> constructionGrade;
		};
	}

	/** The facts by their keys, as the API shows them. */
	public Map<String, @Nullable Object> asMap() {
		Map<String, @Nullable Object> map = new java.util.LinkedHashMap<>();
		for (Fact fact : Fact.values()) {
			map.put(fact.key(), value(fact));
		}
		return map;
	}

}
