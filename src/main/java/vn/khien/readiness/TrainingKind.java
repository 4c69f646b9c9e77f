package vn.khien.readiness;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.InvalidInputException;

/**
 * What a training event is: a conference, a course, a briefing or a publicity campaign.
 */
public enum TrainingKind {

	CONFERENCE, COURSE, BRIEFING, CAMPAIGN;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The constant a word names (any case); a 400 naming {@code field} otherwise. */
	public static TrainingKind of(@Nullable String word, String field) {
		if (word == null || word.isBlank()) {
			throw new InvalidInputException(field, "training.field.required", field);
		}
		for (TrainingKind kind : values()) {
			if (kind.name().equalsIgnoreCase(word.strip())) {
				return kind;
			}
		}
		throw new InvalidInputException(field, "training.kind.unknown", word);
	}

}
