package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;
import vn.khien.monitoring.event.SigmaView;

/**
 * Rules compiled for matching. Each rule is indexed by where its log source is logged:
 * Windows rules by channel and event id, the others by product (then checked against the
 * event's category and service), so an event meets only the rules that can apply to it.
 * Thread-safe: it holds no state per event.
 */
public final class Detector {

	private static final int CACHE_LIMIT = 512;

	/** One rule on one route: 4688's field names when it reads process creation there. */
	private record Compiled(SigmaRule rule, ScopedFilter[] filters, boolean security4688) {
	}

	/** Rules met together, with a prefilter when there are enough of them to need one. */
	private static final class Bucket {

		static final Bucket EMPTY = new Bucket(List.of(), false);

		/**
		 * Below this many rules, testing them all costs about what the prefilter's pass
		 * does.
		 */
		private static final int PREFILTER_FROM = 4;

		final Compiled[] rules;

		final @Nullable Prefilter prefilter;

		Bucket(List<Compiled> rules, boolean prefiltered) {
			this.rules = rules.toArray(Compiled[]::new);
			if (!prefiltered || rules.size() < PREFILTER_FROM) {
				this.prefilter = null;
				return;
			}
			List<@Nullable Need> needs = new ArrayList<>();
			boolean[] renamed = new boolean[rules.size()];
			for (int i = 0; i < rules.size(); i++) {
				needs.add(rules.get(i).rule.detection().need());
				renamed[i] = rules.get(i).security4688;
			}
			this.prefilter = new Prefilter(needs, renamed);
		}

	}

	private static final class Channel {

		final Map<Long, List<Compiled>> byId = new HashMap<>();

		final List<Compiled> anyId = new ArrayList<>();

		Map<Long, Bucket> byIdBuckets = Map.of();

		Bucket anyIdBucket = Bucket.EMPTY;

	}

	private final Map<String, Channel> channels = new HashMap<>();

	/**
	 * The same channels under the names as the routes write them: most events write them
	 * so.
	 */
	private final Map<String, Channel> channelsAsWritten = new HashMap<>();

	private static final LogSource WINDOWS = new LogSource("windows", null, null);

	private final Bucket anyWindows;

	/** Rules not routed as Windows: checked against the event's own log source. */
	private final Compiled[] others;

	/** Windows rules whose category or service the mapping does not know. */
	private final Compiled[] unmapped;

	private final List<SigmaRule> unrouted;

	private final Map<LogSource, Bucket> byLogSource = new ConcurrentHashMap<>();

	private final int size;

	/** Whether buckets get a prefilter: always, but for the tests' reference. */
	private final boolean prefiltered;

	private Detector(Collection<SigmaRule> rules, Collection<ScopedFilter> filters, boolean prefiltered) {
		this.prefiltered = prefiltered;
		List<Compiled> any = new ArrayList<>();
		List<Compiled> rest = new ArrayList<>();
		List<Compiled> unknown = new ArrayList<>();
		List<SigmaRule> unroutedRules = new ArrayList<>();
		for (SigmaRule rule : rules) {
			ScopedFilter[] mine = filters.stream()
				.filter(f -> f.filter().rules().stream().anyMatch(rule::isNamed))
				.toArray(ScopedFilter[]::new);
			LogSource source = rule.logSource();
			boolean windows = "windows".equals(source.product());
			// NB: a rule without product but with a category or service meets Windows
			// events through the mapping too
			boolean both = source.product() == null && (source.category() != null || source.service() != null);
			if (!windows) {
				rest.add(new Compiled(rule, mine, false));
				if (!both) {
					continue;
				}
			}
			List<WindowsRouting.Route> routes = WindowsRouting.routes(source);
			if (routes == null) {
				unknown.add(new Compiled(rule, mine, false));
				if (windows) {
					unroutedRules.add(rule);
				}
			}
			else if (routes.isEmpty()) {
				any.add(new Compiled(rule, mine, false));
			}
			for (WindowsRouting.Route route : routes == null ? List.<WindowsRouting.Route>of() : routes) {
				Compiled compiled = new Compiled(rule, mine,
						route.security4688() && "process_creation".equals(source.category()));
				Channel channel = channels.computeIfAbsent(route.channel().toLowerCase(Locale.ROOT),
						c -> new Channel());
				channelsAsWritten.put(route.channel(), channel);
				if (route.eventIds().length == 0) {
					channel.anyId.add(compiled);
				}
				for (long id : route.eventIds()) {
					channel.byId.computeIfAbsent(id, k -> new ArrayList<>()).add(compiled);
				}
			}
		}
		for (Channel channel : channels.values()) {
			Map<Long, Bucket> buckets = new HashMap<>();
			channel.byId.forEach((id, list) -> buckets.put(id, new Bucket(list, prefiltered)));
			channel.byIdBuckets = buckets;
			channel.anyIdBucket = new Bucket(channel.anyId, prefiltered);
		}
		this.anyWindows = new Bucket(any, prefiltered);
		this.others = rest.toArray(Compiled[]::new);
		this.unmapped = unknown.toArray(Compiled[]::new);
		this.unrouted = List.copyOf(unroutedRules);
		this.size = rules.size();
	}

	public static Detector compile(Collection<SigmaRule> rules, Collection<ScopedFilter> filters) {
		return new Detector(rules, filters, true);
	}

	/** Every routed rule tested in full: the reference the prefilter is held to. */
	static Detector withoutPrefilter(Collection<SigmaRule> rules, Collection<ScopedFilter> filters) {
		return new Detector(rules, filters, false);
	}

	public int size() {
		return size;
	}

	/**
	 * Windows rules whose category or service has no channel mapping here: they apply
	 * only to events whose decoder names that category or service.
	 */
	public List<SigmaRule> unrouted() {
		return unrouted;
	}

	/**
	 * The rules the event fits, less those an applicable filter (global, or scoped to the
	 * event's agency) suppresses. An empty list when none.
	 */
	public List<RuleMatch> match(SigmaView original, long agencyId) {
		Views event = new Views(original);
		LogSource source = event.folded.logSource();
		String product = source.product();
		List<RuleMatch> matches = null;
		Object channelName = event.folded.field("Channel");
		boolean windows = product == null ? channelName instanceof String : product.equalsIgnoreCase("windows");
		if (windows) {
			if (channelName instanceof String name) {
				Channel channel = channelsAsWritten.get(name);
				if (channel == null) {
					channel = channels.get(name.toLowerCase(Locale.ROOT));
				}
				if (channel != null) {
					long id = eventId(event.folded.field("EventID"));
					Bucket byId = id < 0 ? null : channel.byIdBuckets.get(id);
					if (byId != null) {
						matches = testAll(byId, event, agencyId, matches);
					}
					matches = testAll(channel.anyIdBucket, event, agencyId, matches);
				}
			}
			matches = testAll(anyWindows, event, agencyId, matches);
			if (source.category() != null || source.service() != null) {
				for (Compiled rule : unmapped) {
					LogSource wanted = rule.rule.logSource();
					if (same(wanted.category(), source.category()) && same(wanted.service(), source.service())) {
						matches = test(rule, event.folded, agencyId, matches);
					}
				}
			}
			LogSource asWindows = source.category() == null && source.service() == null ? WINDOWS
					: new LogSource("windows", source.category(), source.service());
			matches = testAll(candidates(asWindows), event, agencyId, matches);
		}
		else {
			matches = testAll(candidates(source), event, agencyId, matches);
		}
		return matches == null ? Collections.emptyList() : matches;
	}

	/**
	 * The event folded, and as the rules on Security 4688 read it (made when first
	 * needed).
	 */
	private static final class Views {

		final SigmaView original;

		final FoldedView folded;

		private @Nullable FoldedView as4688;

		Views(SigmaView original) {
			this.original = original;
			this.folded = new FoldedView(original);
		}

		FoldedView as4688() {
			if (as4688 == null) {
				as4688 = new FoldedView(new RenamedView(original, WindowsRouting.SECURITY_4688));
			}
			return as4688;
		}

	}

	private static boolean same(@Nullable String wanted, @Nullable String have) {
		return wanted == null || wanted.equalsIgnoreCase(have);
	}

	/**
	 * The non-Windows rules whose log source the event does not contradict, kept per log
	 * source.
	 */
	private Bucket candidates(LogSource source) {
		Bucket cached = byLogSource.get(source);
		if (cached != null) {
			return cached;
		}
		boolean windows = "windows".equalsIgnoreCase(source.product());
		List<Compiled> fit = new ArrayList<>();
		for (Compiled rule : others) {
			LogSource wanted = rule.rule.logSource();
			if (windows && (wanted.product() != null || wanted.category() != null || wanted.service() != null)) {
				continue;
			}
			if (fits(wanted.product(), source.product()) && fits(wanted.category(), source.category())
					&& fits(wanted.service(), source.service())) {
				fit.add(rule);
			}
		}
		Bucket bucket = new Bucket(fit, prefiltered);
		if (byLogSource.size() < CACHE_LIMIT) {
			byLogSource.put(source, bucket);
		}
		return bucket;
	}

	private static boolean fits(@Nullable String wanted, @Nullable String have) {
		return wanted == null || have == null || wanted.equalsIgnoreCase(have);
	}

	private static @Nullable List<RuleMatch> testAll(Bucket bucket, Views event, long agencyId,
			@Nullable List<RuleMatch> matches) {
		Compiled[] rules = bucket.rules;
		long[] candidates = null;
		if (bucket.prefilter != null) {
			candidates = bucket.prefilter.candidates(event.folded,
					bucket.prefilter.readsRenamed() ? event.as4688() : null);
		}
		for (int i = 0; i < rules.length; i++) {
			if (candidates != null && (candidates[i >>> 6] & (1L << i)) == 0) {
				continue;
			}
			Compiled rule = rules[i];
			matches = test(rule, rule.security4688 ? event.as4688() : event.folded, agencyId, matches);
		}
		return matches;
	}

	private static @Nullable List<RuleMatch> test(Compiled compiled, SigmaView event, long agencyId,
			@Nullable List<RuleMatch> matches) {
		Detection detection = compiled.rule.detection();
		if (!detection.matches(event)) {
			return matches;
		}
		for (ScopedFilter filter : compiled.filters) {
			if (filter.appliesTo(agencyId) && filter.filter().detection().matches(event)) {
				return matches;
			}
		}
		List<RuleMatch> out = matches != null ? matches : new ArrayList<>(2);
		out.add(new RuleMatch(compiled.rule, detection.matchedSelections(event)));
		return out;
	}

	static long eventId(@Nullable Object value) {
		if (value instanceof Long l) {
			return l;
		}
		if (value instanceof Number n) {
			return n.longValue();
		}
		if (value instanceof String s) {
			double d = ValueTest.parseNumber(s.trim());
			return Double.isNaN(d) ? -1 : (long) d;
		}
		return -1;
	}

	/** A view that reads some fields under other names (the first name present wins). */
	private static final class RenamedView implements SigmaView {

		private final SigmaView event;

		private final Map<String, String> names;

		RenamedView(SigmaView event, Map<String, String> names) {
			this.event = event;
			this.names = names;
		}

		@Override
		public @Nullable Object field(String name) {
			String other = names.get(name);
			if (other != null) {
				Object value = event.field(other);
				if (value != null) {
					return value;
				}
			}
			return event.field(name);
		}

		@Override
		public Iterable<String> values() {
			return event.values();
		}

		@Override
		public LogSource logSource() {
			return event.logSource();
		}

		@Override
		public java.time.Instant timestamp() {
			return event.timestamp();
		}

	}

}
