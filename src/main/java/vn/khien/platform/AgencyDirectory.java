package vn.khien.platform;

import java.util.Optional;

/**
 * Optional: implemented by the registry so that user administration can take an agency
 * code and show agency names. Without an implementation, pages take and show agency ids.
 */
public interface AgencyDirectory {

	Optional<Long> idOfCode(String code);

	/** A short label such as "SYT — Sở Y tế". */
	Optional<String> label(long agencyId);

}
