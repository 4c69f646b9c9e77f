package vn.khien.oversight;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.VietnameseText;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyStatus;

/**
 * Each agency's scorecard: the dashboard's figures of the agency, the indicators they
 * give (shares between 0 and 1) and a composite score, the weighted mean of the
 * indicators that can be counted with the weights of {@link OversightSettings}, ranked
 * among the agencies of the same kind. A nightly snapshot keeps each score for the trend
 * and for the rank an officer sees among agencies outside their scope.
 */
@Service
public class Scorecards {

	/** The indicators a weight can be given to, by key. */
	public static final List<String> INDICATORS = List.of("levelShare", "coverage", "findingsOnTime", "focalPointShare",
			"drillCoverage", "trainingReach");

	static final int TREND_DAYS = 90;

	private final Dashboard dashboard;

	private final Agencies agencies;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final OversightSettings settings;

	Scorecards(Dashboard dashboard, Agencies agencies, CurrentUser currentUser, JdbcClient jdbc, MessageSource messages,
			OversightSettings settings) {
		this.dashboard = dashboard;
		this.agencies = agencies;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.messages = messages;
		this.settings = settings;
	}

	/**
	 * The scorecards of the active agencies of {@code kind} in the caller's scope, the
	 * best first, each with its rank among them.
	 */
	public List<Scorecard> ofKind(AgencyKind kind) {
		List<Agency> ofKind = agencies.all()
			.stream()
			.filter(a -> a.kind() == kind && a.status() == AgencyStatus.ACTIVE)
			.toList();
		Map<Long, List<DashboardFigure>> figures = dashboard.figuresOf(ofKind.stream().map(Agency::id).toList());
		List<Scorecard> cards = new ArrayList<>();
		for (Agency agency : ofKind) {
			cards.add(card(agency, figures.getOrDefault(agency.id(), List.of()), null, null, List.of()));
		}
		cards.sort(Comparator.comparing((Scorecard c) -> c.score() == null ? -1 : c.score())
			.reversed()
			.thenComparing(Scorecard::agency, VietnameseText.order()));
		List<Scorecard> ranked = new ArrayList<>();
		for (int i = 0; i < cards.size(); i++) {
			Scorecard c = cards.get(i);
			Integer rank = c.score() == null ? null : rankOf(cards, i);
			ranked.add(new Scorecard(c.agencyId(), c.agency(), c.kind(), c.figures(), c.indicators(), c.score(), rank,
					cards.size(), c.trend()));
		}
		return ranked;
	}

	/**
	 * One agency's scorecard (404 outside the caller's scope) with its trend and its rank
	 * among all agencies of its kind on the last snapshot.
	 */
	public Scorecard of(long agencyId) {
		Agency agency = agencies.get(agencyId);
		List<DashboardFigure> figures = dashboard.figures(agencyId);
		Optional<int[]> rank = jdbc
			.sql("SELECT rank_in_kind, of_kind FROM scorecard_day WHERE agency_id = :id AND taken_on = "
					+ "(SELECT MAX(taken_on) FROM scorecard_day WHERE agency_id = :id) AND rank_in_kind IS NOT NULL")
			.param("id", agencyId)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.optional();
		return card(agency, figures, rank.map(r -> r[0]).orElse(null), rank.map(r -> r[1]).orElse(null),
				trend(agencyId));
	}

	private List<Scorecard.Point> trend(long agencyId) {
		return jdbc
			.sql("SELECT taken_on, score FROM scorecard_day WHERE agency_id = :id AND taken_on >= :since"
					+ " AND score IS NOT NULL ORDER BY taken_on")
			.param("id", agencyId)
			.param("since", Date.valueOf(LocalDate.now(Formats.ZONE).minusDays(TREND_DAYS)))
			.query((rs, n) -> new Scorecard.Point(rs.getDate(1).toLocalDate(), rs.getDouble(2)))
			.list();
	}

	/**
	 * Keeps every active agency's score and rank of the day (again for a day already
	 * kept): run with a province-wide principal.
	 */
	@Transactional
	public int snapshot(LocalDate day) {
		AgencyScope scope = currentUser.scope();
		if (!scope.unrestricted()) {
			throw new IllegalStateException("a snapshot needs the whole province");
		}
		jdbc.sql("DELETE FROM scorecard_day WHERE taken_on = :day").param("day", Date.valueOf(day)).update();
		int kept = 0;
		for (AgencyKind kind : AgencyKind.values()) {
			for (Scorecard c : ofKind(kind)) {
				jdbc.sql("""
						INSERT INTO scorecard_day (agency_id, taken_on, kind, score, rank_in_kind, of_kind)
						VALUES (:agency, :day, :kind, :score, :rank, :of)""")
					.param("agency", c.agencyId())
					.param("day", Date.valueOf(day))
					.param("kind", kind.name())
					.param("score", c.score())
					.param("rank", c.rank())
					.param("of", c.of())
					.update();
				kept++;
			}
		}
		return kept;
	}

	private Scorecard card(Agency agency, List<DashboardFigure> figures, @Nullable Integer rank, @Nullable Integer of,
			List<Scorecard.Point> trend) {
		Map<String, DashboardFigure> byKey = new HashMap<>();
		figures.forEach(f -> byKey.put(f.key(), f));
		Locale locale = LocaleContextHolder.getLocale();
		List<Scorecard.Indicator> indicators = new ArrayList<>();
		double weighted = 0;
		int weights = 0;
		for (Map.Entry<String, Integer> w : settings.weights().entrySet()) {
			Double share = share(w.getKey(), byKey);
			indicators.add(new Scorecard.Indicator(w.getKey(),
					messages.getMessage("score.indicator." + w.getKey(), null, w.getKey(), locale), share,
					w.getValue()));
			if (share != null && w.getValue() > 0) {
				weighted += share * w.getValue();
				weights += w.getValue();
			}
		}
		Double score = weights == 0 ? null : Math.round(weighted / weights * 1000) / 10.0;
		String kind = messages.getMessage("agencyKind." + agency.kind().name(), null, agency.kind().name(), locale);
		return new Scorecard(agency.id(), agency.label(), kind == null ? agency.kind().name() : kind, figures,
				indicators, score, rank, of, trend);
	}

	/**
	 * An indicator's share: a ratio figure of the same key, or for findings the share of
	 * open ones not past their deadline (all of them when none is open).
	 */
	static @Nullable Double share(String key, Map<String, DashboardFigure> figures) {
		if (key.equals("findingsOnTime")) {
			DashboardFigure open = figures.get("findingsOpen");
			DashboardFigure overdue = figures.get("findingsOverdue");
			if (open == null || overdue == null || open.value() == null || overdue.value() == null) {
				return null;
			}
			long o = open.value().longValue();
			return o == 0 ? 1.0 : Math.max(0, 1 - overdue.value().doubleValue() / o);
		}
		DashboardFigure f = figures.get(key);
		return f == null || f.value() == null || !f.ratio() ? null : f.value().doubleValue();
	}

	/** Ties share the better rank. */
	private static int rankOf(List<Scorecard> sorted, int index) {
		int i = index;
		while (i > 0 && java.util.Objects.equals(sorted.get(i - 1).score(), sorted.get(index).score())) {
			i--;
		}
		return i + 1;
	}

}
