package vn.khien.monitoring.sigma;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.SigmaView;

/**
 * Runs correlation rules over rule matches in event time. State is kept per correlation
 * and group (agency plus group-by values) in sliding windows of the timespan; at most
 * {@code maxGroups} groups per correlation (the least recently used is evicted, and
 * counted) and at most {@code maxEntries} timestamps or values per group. A correlation
 * fires once when its condition is met, then its group starts afresh, so one burst raises
 * one match. Not thread-safe: feed it from one thread (or one per partition of agencies).
 */
public final class Correlator {

	private static final int MAX_CHAIN = 8;

	private final List<State> states = new ArrayList<>();

	private final Map<String, List<Step>> byReference = new HashMap<>();

	private final Set<String> notStandalone = new LinkedHashSet<>();

	private final int maxGroups;

	private final int maxEntries;

	private long evictions;

	private record Step(State state, int index) {
	}

	public Correlator(Collection<SigmaCorrelation> correlations, int maxGroups, int maxEntries) {
		if (maxGroups < 1 || maxEntries < 1) {
			throw new IllegalArgumentException("limits must be positive");
		}
		this.maxGroups = maxGroups;
		this.maxEntries = maxEntries;
		for (SigmaCorrelation correlation : correlations) {
			State state = new State(correlation);
			states.add(state);
			for (int i = 0; i < correlation.rules().size(); i++) {
				String reference = correlation.rules().get(i);
				byReference.computeIfAbsent(reference, r -> new ArrayList<>()).add(new Step(state, i));
				if (!correlation.generate()) {
					notStandalone.add(reference);
				}
			}
		}
	}

	public Correlator(Collection<SigmaCorrelation> correlations) {
		this(correlations, 10_000, 10_000);
	}

	/** Groups dropped to keep within the limits, and entries dropped from full groups. */
	public long evictions() {
		return evictions;
	}

	/**
	 * Whether a rule's own matches should raise alerts: not when a correlation uses it
	 * without {@code generate: true} (the spec's default).
	 */
	public boolean standalone(SigmaRule rule) {
		return !(rule.id() != null && notStandalone.contains(rule.id())
				|| rule.name() != null && notStandalone.contains(rule.name()));
	}

	public List<CorrelationMatch> accept(RuleMatch match, SigmaView event, long agencyId) {
		return accept(match.rule().id(), match.rule().name(), event, agencyId, 0);
	}

	private List<CorrelationMatch> accept(@Nullable String id, @Nullable String name, SigmaView event, long agencyId,
			int depth) {
		List<Step> steps = new ArrayList<>();
		if (id != null) {
			steps.addAll(byReference.getOrDefault(id, List.of()));
		}
		if (name != null && !name.equals(id)) {
			steps.addAll(byReference.getOrDefault(name, List.of()));
		}
		if (steps.isEmpty()) {
			return Collections.emptyList();
		}
		// NB: highest step first, so that one event never completes two steps of an
		// ordered chain
		steps.sort((a, b) -> Integer.compare(b.index, a.index));
		List<CorrelationMatch> fired = new ArrayList<>();
		long time = event.timestamp().toEpochMilli();
		for (Step step : steps) {
			CorrelationMatch m = step.state.add(step.index, name, event, agencyId, time);
			if (m != null) {
				fired.add(m);
			}
		}
		if (depth < MAX_CHAIN) {
			for (CorrelationMatch m : List.copyOf(fired)) {
				fired.addAll(accept(m.correlation().id(), m.correlation().name(), event, agencyId, depth + 1));
			}
		}
		return fired;
	}

	private final class State {

		private final SigmaCorrelation correlation;

		private final long span;

		private final int cap;

		private final LinkedHashMap<List<Object>, Group> groups = new LinkedHashMap<>(16, 0.75f, true);

		State(SigmaCorrelation correlation) {
			this.correlation = correlation;
			this.span = correlation.timespan().toMillis();
			this.cap = (int) Math.min(maxEntries, correlation.condition().reach());
		}

		@Nullable CorrelationMatch add(int index, @Nullable String ruleName, SigmaView event, long agencyId, long time) {
			List<Object> key = new ArrayList<>(correlation.groupBy().size() + 1);
			key.add(agencyId);
			Map<String, String> group = new LinkedHashMap<>();
			for (String field : correlation.groupBy()) {
				String value = groupValue(field, ruleName, event);
				key.add(value);
				group.put(field, value);
			}
			Group g = groups.get(key);
			if (g == null) {
				g = new Group(correlation.rules().size());
				groups.put(key, g);
				if (groups.size() > maxGroups) {
					Iterator<List<Object>> eldest = groups.keySet().iterator();
					eldest.next();
					eldest.remove();
					evictions++;
				}
			}
			long count = g.add(index, event, time);
			boolean fires = switch (correlation.type()) {
				case TEMPORAL_ORDERED -> g.chain[g.chain.length - 1] != Long.MIN_VALUE
						&& correlation.condition().test(correlation.rules().size());
				default -> correlation.condition().test(count);
			};
			if (!fires) {
				return null;
			}
			long first = g.first(time);
			g.clear();
			return new CorrelationMatch(correlation, agencyId, group, Instant.ofEpochMilli(first),
					Instant.ofEpochMilli(time), count, correlation.rules());
		}

		private String groupValue(String field, @Nullable String ruleName, SigmaView event) {
			String name = field;
			Map<String, String> alias = correlation.aliases().get(field);
			if (alias != null && ruleName != null && alias.containsKey(ruleName)) {
				name = alias.get(ruleName);
			}
			Object value = event.field(name);
			return value == null ? "" : ValueTest.text(value);
		}

		/**
		 * One group's window: timestamps (event_count), values (value_count) or rule
		 * steps.
		 */
		private final class Group {

			private final long[] times;

			private int head;

			private int size;

			private final LinkedHashMap<String, Long> values = new LinkedHashMap<>();

			private final long[] seen;

			private final long[] chain;

			Group(int rules) {
				this.times = correlation.type() == SigmaCorrelation.Type.EVENT_COUNT ? new long[cap] : new long[0];
				this.seen = new long[rules];
				this.chain = new long[rules];
				clear();
			}

			void clear() {
				head = 0;
				size = 0;
				values.clear();
				Arrays.fill(seen, Long.MIN_VALUE);
				Arrays.fill(chain, Long.MIN_VALUE);
			}

			long first(long now) {
				long first = now;
				switch (correlation.type()) {
					case EVENT_COUNT -> first = size > 0 ? times[head] : now;
					case VALUE_COUNT -> first = values.isEmpty() ? now : values.values().iterator().next();
					case TEMPORAL -> {
						for (long s : seen) {
							if (s != Long.MIN_VALUE) {
								first = Math.min(first, s);
							}
						}
					}
					case TEMPORAL_ORDERED -> first = chain[chain.length - 1];
				}
				return first;
			}

			private boolean inside(long then, long now) {
				return then != Long.MIN_VALUE && now - then <= span;
			}

			long add(int index, SigmaView event, long now) {
				switch (correlation.type()) {
					case EVENT_COUNT -> {
						while (size > 0 && !inside(times[head], now)) {
							head = (head + 1) % times.length;
							size--;
						}
						if (size == times.length) {
							head = (head + 1) % times.length;
							size--;
							evictions++;
						}
						times[(head + size) % times.length] = now;
						size++;
						return size;
					}
					case VALUE_COUNT -> {
						Iterator<Long> it = values.values().iterator();
						while (it.hasNext() && !inside(it.next(), now)) {
							it.remove();
						}
						String field = correlation.field();
						Object value = field == null ? null : event.field(field);
						if (value != null) {
							String text = ValueTest.text(value);
							values.remove(text);
							values.put(text, now);
							if (values.size() > cap) {
								Iterator<String> eldest = values.keySet().iterator();
								eldest.next();
								eldest.remove();
								evictions++;
							}
						}
						return values.size();
					}
					case TEMPORAL -> {
						seen[index] = now;
						long count = 0;
						for (long s : seen) {
							if (inside(s, now)) {
								count++;
							}
						}
						return count;
					}
					default -> {
						for (int i = 0; i < chain.length; i++) {
							if (!inside(chain[i], now)) {
								chain[i] = Long.MIN_VALUE;
							}
						}
						if (index == 0) {
							chain[0] = now;
						}
						else if (chain[index - 1] != Long.MIN_VALUE) {
							chain[index] = Math.max(chain[index], chain[index - 1]);
						}
						long done = 0;
						for (long c : chain) {
							if (c != Long.MIN_VALUE) {
								done++;
							}
						}
						return done;
					}
				}
			}

		}

	}

}
