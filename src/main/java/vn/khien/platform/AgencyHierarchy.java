package vn.khien.platform;

import java.util.Set;

/**
 * Implemented by the registry, which owns agencies: the platform needs the hierarchy to
 * compute a user's scope but must not depend on the registry.
 */
public interface AgencyHierarchy {

	/** The agency itself and every agency below it, at any depth. */
	Set<Long> selfAndDescendants(long agencyId);

}
