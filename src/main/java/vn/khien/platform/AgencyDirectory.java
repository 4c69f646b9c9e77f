package vn.khien.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Optional: implemented by the registry so that user administration can take an agency
 * code and show agency names. Without an implementation, pages take and show agency ids.
 */
public interface AgencyDirectory {

	Optional<Long> idOfCode(String code);

	/** A short label such as "SYT — Sở Y tế". */
	Optional<String> label(long agencyId);

	/**
	 * The labels of these agencies, for a table; those that do not exist are left out.
	 */
	default Map<Long, String> labels(Set<Long> agencyIds) {
		Map<Long, String> labels = new LinkedHashMap<>();
		agencyIds.forEach(id -> label(id).ifPresent(label -> labels.put(id, label)));
		return labels;
	}

	/**
	 * The agencies at the top of {@code scope}: the province's roots for a province-wide
	 * scope, else those of its agencies whose parent lies outside it.
	 */
	default java.util.List<Long> tops(AgencyScope scope) {
		return java.util.List.of();
	}

}
