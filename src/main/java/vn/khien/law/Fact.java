package vn.khien.law;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a level criterion may ask about a system, by the names the packs and the API use.
 * A fact is a number, a yes/no, or one of a fixed list of words.
 */
public enum Fact {

	FUNCTION("function", "internal", "public_service", "infrastructure", "industrial_control"),
	ONLINE_PUBLIC_SERVICE_LEVEL("onlinePublicServiceLevel", Kind.NUMBER),
	ADMINISTRATIVE_PROCEDURES("administrativeProcedures", Kind.YES_NO),
	PERSONAL_DATA_SUBJECTS("personalDataSubjects", Kind.NUMBER),
	SENSITIVE_DATA_SUBJECTS("sensitiveDataSubjects", Kind.NUMBER),
	STATE_SECRET("stateSecret", "none", "confidential", "secret", "top_secret"),
	INFRASTRUCTURE_SCOPE("infrastructureScope", "agency", "sector_or_province", "national"),
	CONDITIONAL_BUSINESS("conditionalBusiness", Kind.YES_NO),
	NATIONAL_SECURITY_HARM("nationalSecurityHarm", "none", "harm", "serious", "especially_serious"),
	CONSTRUCTION_GRADE("constructionGrade", "special", "I", "II", "III", "IV");

	public enum Kind {

		NUMBER, YES_NO, WORD

	}

	private final String key;

	private final Kind kind;

	private final List<String> words;

	Fact(String key, Kind kind) {
		this.key = key;
		this.kind = kind;
		this.words = kind == Kind.YES_NO ? List.of("true", "false") : List.of();
	}

	Fact(String key, String... words) {
		this.key = key;
		this.kind = Kind.WORD;
		this.words = List.of(words);
	}

	public String key() {
		return key;
	}

	public Kind kind() {
		return kind;
	}

	/** The words a fact of kind word or yes/no takes. */
	public List<String> words() {
		return words;
	}

	public static Optional<Fact> byKey(String key) {
		return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
	}

}
