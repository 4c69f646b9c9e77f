package vn.khien.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit trail; {@code hashVersion} names the function that sealed it (ADR
 * 0002).
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, @Nullable String address, String action,
		String entityType, @Nullable String entityId, @Nullable String beforeState, @Nullable String afterState,
		String prevHash, String hash, int hashVersion) {
}
