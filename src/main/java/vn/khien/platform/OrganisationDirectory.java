package vn.khien.platform;

import java.util.Optional;

/**
 * Optional: implemented by the registry so that user administration shows an
 * organisation's name beside its id, as {@link AgencyDirectory} does for agencies.
 */
public interface OrganisationDirectory {

	Optional<String> name(long organisationId);

}
