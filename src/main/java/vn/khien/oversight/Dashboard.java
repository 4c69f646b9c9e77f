package vn.khien.oversight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyFigures;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.NotFoundException;

/**
 * The province (or one agency) at a glance: every module's figures of the agency, or of
 * the top of the caller's scope, each rolled up over the sub-units by the module from its
 * read model, so a view reads no whole table.
 */
@Service
public class Dashboard {

	private static final String PREFIX = "standing.";

	private final List<AgencyFigures> modules;

	private final CurrentUser currentUser;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	Dashboard(List<AgencyFigures> modules, CurrentUser currentUser, AgencyDirectory directory, MessageSource messages) {
		this.modules = modules.stream().sorted(Comparator.comparingInt(AgencyFigures::order)).toList();
		this.currentUser = currentUser;
		this.directory = directory;
		this.messages = messages;
	}

	/**
	 * The figures of {@code agencyId} (in the caller's scope, else not found), or of the
	 * caller's whole scope when null: the province for the province's roles.
	 */
	public List<DashboardFigure> figures(@Nullable Long agencyId) {
		AgencyScope scope = currentUser.scope();
		if (agencyId != null && !scope.includes(agencyId)) {
			throw new NotFoundException("agency", agencyId);
		}
		List<Long> tops = agencyId != null ? List.of(agencyId) : directory.tops(scope);
		Map<Long, List<AgencyFigures.Figure>> all = AgencyFigures.all(modules, tops);
		if (tops.size() == 1) {
			return all.getOrDefault(tops.get(0), List.of()).stream().map(this::figure).toList();
		}
		return summed(tops, all);
	}

	/**
	 * Several tops (an officer of separate agencies, or agencies outside the province's
	 * tree): counts are summed and their lists lose the agency filter, which the caller's
	 * scope then applies; a ratio cannot be summed and is left blank.
	 */
	private List<DashboardFigure> summed(List<Long> tops, Map<Long, List<AgencyFigures.Figure>> all) {
		Map<String, AgencyFigures.Figure> sums = new LinkedHashMap<>();
		for (Long top : tops) {
			for (AgencyFigures.Figure f : all.getOrDefault(top, List.of())) {
				sums.merge(f.labelKey(), f, (a, b) -> new AgencyFigures.Figure(a.labelKey(),
						a.ratio() ? null : sum(a.value(), b.value()), a.ratio(), a.link(), a.api()));
			}
		}
		List<DashboardFigure> figures = new ArrayList<>();
		for (AgencyFigures.Figure f : sums.values()) {
			figures.add(figure(new AgencyFigures.Figure(f.labelKey(), f.value(), f.ratio(), withoutAgency(f.link()),
					f.api() == null ? null : withoutAgency(f.api()))));
		}
		return figures;
	}

	/**
	 * The figures of each of these agencies (in the caller's scope), each rolled up over
	 * its sub-units: the scorecards' rows.
	 */
	Map<Long, List<DashboardFigure>> figuresOf(java.util.Collection<Long> agencyIds) {
		Map<Long, List<DashboardFigure>> figures = new LinkedHashMap<>();
		AgencyFigures.all(modules, agencyIds)
			.forEach((id, list) -> figures.put(id, list.stream().map(this::figure).toList()));
		return figures;
	}

	private DashboardFigure figure(AgencyFigures.Figure f) {
		String key = f.labelKey().startsWith(PREFIX) ? f.labelKey().substring(PREFIX.length()) : f.labelKey();
		String label = messages.getMessage(f.labelKey(), null, f.labelKey(), LocaleContextHolder.getLocale());
		return new DashboardFigure(key, f.labelKey(), label == null ? key : label, f.value(), f.ratio(), f.api(),
				f.link());
	}

	private static @Nullable Number sum(@Nullable Number a, @Nullable Number b) {
		if (a == null) {
			return b;
		}
		return b == null ? a : (Number) (a.longValue() + b.longValue());
	}

	static String withoutAgency(String url) {
		return url.replaceAll("([?&])(agency|under)=[^&]*&?", "$1").replaceAll("[?&]$", "");
	}

}
