package vn.khien.inventory;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.RecordRows;

/**
 * Which information system an asset may be linked to: one owned by the asset's agency, or
 * by an agency above or below it, that the user can see. A small check of our own until
 * the systems API is merged.
 */
@Component
class AssetSystems {

	private final JdbcClient jdbc;

	private final AgencyHierarchy hierarchy;

	private final CurrentUser currentUser;

	AssetSystems(JdbcClient jdbc, AgencyHierarchy hierarchy, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.hierarchy = hierarchy;
		this.currentUser = currentUser;
	}

	record Owned(long id, long ownerAgencyId) {
	}

	/**
	 * The system named by code (or else id), when it may hold assets of {@code agencyId}.
	 */
	Optional<Long> resolve(@Nullable String idOrCode, long agencyId) {
		if (idOrCode == null || idOrCode.isBlank()) {
			return Optional.empty();
		}
		String key = idOrCode.trim();
		Optional<Owned> system = jdbc.sql("SELECT id, owner_agency_id FROM information_system WHERE code = :code")
			.param("code", key)
			.query(RecordRows.of(Owned.class))
			.optional();
		if (system.isEmpty() && key.matches("\\d{1,18}")) {
			system = jdbc.sql("SELECT id, owner_agency_id FROM information_system WHERE id = :id")
				.param("id", Long.parseLong(key))
				.query(RecordRows.of(Owned.class))
				.optional();
		}
		return system.filter(s -> fits(s.ownerAgencyId(), agencyId)).map(Owned::id);
	}

	boolean fits(long ownerAgencyId, long agencyId) {
		if (!currentUser.scope().includes(ownerAgencyId)) {
			return false;
		}
		return ownerAgencyId == agencyId || hierarchy.selfAndDescendants(ownerAgencyId).contains(agencyId)
				|| hierarchy.selfAndDescendants(agencyId).contains(ownerAgencyId);
	}

	boolean mayHold(@Nullable Long systemId, long agencyId) {
		if (systemId == null) {
			return true;
		}
		return jdbc.sql("SELECT owner_agency_id FROM information_system WHERE id = :id")
			.param("id", systemId)
			.query(Long.class)
			.optional()
			.map(owner -> fits(owner, agencyId))
			.orElse(false);
	}

}
