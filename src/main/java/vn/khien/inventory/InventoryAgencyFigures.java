package vn.khien.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyFigures;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;

/**
 * An agency's systems, hosts and anti-malware coverage for its page, each rolled up over
 * its sub-units as the list behind the figure counts them: hosts and coverage from the
 * read models, systems (owned or used) from one query over the agencies' subtrees.
 */
@Component
class InventoryAgencyFigures implements AgencyFigures {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final CoverageByAgency readModel;

	InventoryAgencyFigures(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy,
			CoverageByAgency readModel) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.readModel = readModel;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<String> labelKeys() {
		return List.of("standing.systems", "standing.hosts", "standing.toProtect", "standing.unprotected",
				"standing.coverage");
	}

	@Override
	public String template() {
		return "inventory/coverage/agency-trend";
	}

	@Override
	public Map<Long, List<Figure>> of(Collection<Long> agencyIds) {
		AgencyScope scope = currentUser.scope();
		Map<Long, Set<Long>> subtrees = new LinkedHashMap<>();
		Set<Long> union = new HashSet<>();
		for (Long id : agencyIds) {
			Set<Long> subtree = new HashSet<>(hierarchy.selfAndDescendants(id));
			subtree.add(id);
			subtree.removeIf(a -> !scope.includes(a));
			subtrees.put(id, subtree);
			union.addAll(subtree);
		}
		Map<Long, Long> hosts = new HashMap<>();
		Map<Long, Set<Long>> systemsOf = new HashMap<>();
		List<Long> ids = new ArrayList<>(union);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			jdbc.sql(
					"SELECT agency_id, SUM(hosts) FROM asset_count_by_agency WHERE agency_id IN (:ids) GROUP BY agency_id")
				.param("ids", chunk)
				.query((RowCallbackHandler) rs -> hosts.put(rs.getLong(1), rs.getLong(2)));
			jdbc.sql("""
					SELECT owner_agency_id, id FROM information_system WHERE owner_agency_id IN (:ids)
					UNION ALL SELECT agency_id, system_id FROM system_user_agency WHERE agency_id IN (:ids)""")
				.param("ids", chunk)
				.query((RowCallbackHandler) rs -> systemsOf.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
					.add(rs.getLong(2)));
		}
		Map<Long, CoverageByAgency.Figures> coverage = readModel.figures(union, Coverage.today());
		Map<Long, List<Figure>> figures = new LinkedHashMap<>();
		subtrees.forEach((id, subtree) -> {
			Set<Long> systems = new HashSet<>();
			long hostCount = 0;
			int inScope = 0;
			int protectedHosts = 0;
			for (Long a : subtree) {
				systems.addAll(systemsOf.getOrDefault(a, Set.of()));
				hostCount += hosts.getOrDefault(a, 0L);
				CoverageByAgency.Figures f = coverage.get(a);
				if (f != null) {
					inScope += f.inScope();
					protectedHosts += f.protectedHosts();
				}
			}
			figures.put(id,
					List.of(new Figure("standing.systems", systems.size(), false, "/systems?agency=" + id,
							"/api/v1/systems?agency=" + id),
							new Figure("standing.hosts", hostCount, false, "/assets?agency=" + id,
									"/api/v1/assets?agency=" + id),
							new Figure("standing.toProtect", inScope, false,
									"/coverage/unprotected?agency=" + id + "&protection=ALL",
									"/api/v1/coverage/unprotected?agency=" + id + "&protection=ALL"),
							new Figure("standing.unprotected", inScope - protectedHosts, false,
									"/coverage/unprotected?agency=" + id, "/api/v1/coverage/unprotected?agency=" + id),
							new Figure("standing.coverage", inScope == 0 ? null : (double) protectedHosts / inScope,
									true, "/coverage?agency=" + id)));
		});
		return figures;
	}

}
