package vn.khien.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyFigures;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;

/**
 * An agency's registration of focal points: its active units (itself and those below it)
 * and how many of them have no active focal point yet, as the agency list filtered so
 * counts them; one query per thousand agencies, on the focal points' agency index.
 */
@Component
class RegistryAgencyFigures implements AgencyFigures {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyTree tree;

	RegistryAgencyFigures(JdbcClient jdbc, CurrentUser currentUser, AgencyTree tree) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.tree = tree;
	}

	@Override
	public int order() {
		return 5;
	}

	@Override
	public List<String> labelKeys() {
		return List.of("standing.agencies", "standing.withoutFocalPoint", "standing.focalPointShare");
	}

	@Override
	public Map<Long, List<Figure>> of(Collection<Long> agencyIds) {
		AgencyScope scope = currentUser.scope();
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		Set<Long> union = new HashSet<>();
		for (Long id : agencyIds) {
			Set<Long> subtree = new HashSet<>(tree.selfAndDescendants(id));
			subtree.removeIf(a -> !scope.includes(a));
			subtrees.put(id, subtree);
			union.addAll(subtree);
		}
		Set<Long> active = new HashSet<>();
		Set<Long> covered = new HashSet<>();
		List<Long> ids = new ArrayList<>(union);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			active.addAll(jdbc.sql("SELECT id FROM agency WHERE id IN (:ids) AND status = 'ACTIVE'")
				.param("ids", chunk)
				.query(Long.class)
				.list());
			covered.addAll(
					jdbc.sql("SELECT DISTINCT agency_id FROM focal_point WHERE agency_id IN (:ids) AND active = TRUE")
						.param("ids", chunk)
						.query(Long.class)
						.list());
		}
		Map<Long, List<Figure>> figures = new LinkedHashMap<>();
		subtrees.forEach((id, subtree) -> {
			long units = subtree.stream().filter(active::contains).count();
			long without = subtree.stream().filter(a -> active.contains(a) && !covered.contains(a)).count();
			String api = "/api/v1/agencies?under=" + id + "&status=ACTIVE";
			String page = "/focal-points?agency=" + id;
			figures.put(id,
					List.of(new Figure("standing.agencies", units, false, "/agencies/" + id, api),
							new Figure("standing.withoutFocalPoint", without, false, page, api + "&focalPoint=false"),
							new Figure("standing.focalPointShare",
									units == 0 ? null : (double) (units - without) / units, true, page)));
		});
		return figures;
	}

}
