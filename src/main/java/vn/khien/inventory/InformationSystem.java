package vn.khien.inventory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An information system of an owner agency (chủ quản). A shared system is used by further
 * agencies, which see it read-only. Security levels are set by the compliance module.
 */
public record InformationSystem(long id, String code, String name, long ownerAgencyId, @Nullable Long operatorAgencyId,
		@Nullable String purpose, @Nullable Integer userCount, SystemLifecycle lifecycle, Hosting hosting,
		@Nullable String cloudProvider, boolean internetFacing, PublicServiceLevel publicServiceLevel,
		DataClassification dataClassification, boolean handlesPersonalData, @Nullable Integer personalSubjectsBasic,
		@Nullable Integer personalSubjectsSensitive, StateSecretGrade stateSecretGrade, boolean critical,
		boolean eGovernment, @Nullable Integer securityLevelProposed, @Nullable Integer securityLevelApproved,
		MonitoringKind monitoringKind, @Nullable Long monitoringOrganisationId, boolean shared, Instant createdAt,
		Instant updatedAt) {

	/** The approved level, or the proposed one while none is approved. */
	public @Nullable Integer securityLevel() {
		return securityLevelApproved != null ? securityLevelApproved : securityLevelProposed;
	}

	public boolean handlesStateSecrets() {
		return stateSecretGrade != StateSecretGrade.NONE;
	}
}
