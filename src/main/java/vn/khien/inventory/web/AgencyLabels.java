package vn.khien.inventory.web;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.AgencyDirectory;

/**
 * "Code — name" of agencies for tables and exports. Names come from the directory, not
 * from scoped reads, so an officer also sees who owns a shared system they use; each
 * agency is looked up once.
 */
public final class AgencyLabels {

	private final AgencyDirectory directory;

	private final Map<Long, String> names = new HashMap<>();

	private AgencyLabels(AgencyDirectory directory) {
		this.directory = directory;
	}

	static AgencyLabels of(AgencyDirectory directory) {
		return new AgencyLabels(directory);
	}

	public String label(@Nullable Long id) {
		if (id == null) {
			return "";
		}
		return names.computeIfAbsent(id, key -> directory.label(key).orElse("#" + key));
	}

}
