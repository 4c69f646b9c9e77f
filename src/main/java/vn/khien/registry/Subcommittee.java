package vn.khien.registry;

import org.jspecify.annotations.Nullable;

/**
 * The province's cybersecurity subcommittee; its standing body is an agency (the police
 * since 2025).
 */
public record Subcommittee(String name, @Nullable String decisionRef, @Nullable Long standingBodyId,
		@Nullable String standingBodyCode, @Nullable String standingBodyName) {

	public record Details(String name, @Nullable String decisionRef, @Nullable Long standingBodyId) {
	}
}
