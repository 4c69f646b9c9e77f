package vn.khien.registry.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.NotFoundException;
import vn.khien.platform.VietnameseText;
import vn.khien.registry.Agency;

/**
 * An agency on the tree page. {@code childCount} is how many sub-units it has;
 * {@code children} holds them only when they are shown now ({@code loaded}): the rest are
 * fetched when the user opens the node, so a page renders what the user looks at, never
 * the whole province. {@code open} marks the path to a search match.
 */
record TreeNode(Agency agency, List<TreeNode> children, int childCount, boolean loaded, boolean match, boolean open,
		int from) {

	/**
	 * How many sub-units a level shows at once; the rest load when the user asks for
	 * more.
	 */
	static final int SHOWN = 50;

	/**
	 * Sub-units not shown yet after {@code children}, when they are loaded a page at a
	 * time ({@code from} ≥ 0; a search's paths show their matches only, {@code from} -1).
	 */
	public int more() {
		return loaded && from >= 0 ? Math.max(0, childCount - from - children.size()) : 0;
	}

	/** Where the next page of sub-units starts. */
	public int next() {
		return from + children.size();
	}

	/**
	 * The label's class, by status: computed here rather than in the template, once per
	 * node.
	 */
	public String statusClass() {
		return "status-" + agency.status().name().toLowerCase(Locale.ROOT);
	}

	public String codeLabel() {
		return "(" + agency.code() + ")";
	}

	/**
	 * The tree of what the user may see: each root open with its sub-units listed,
	 * closed.
	 */
	static List<TreeNode> firstLevels(List<Agency> agencies) {
		Tree tree = new Tree(agencies);
		return tree.roots.stream().map(root -> tree.page(root, 0)).toList();
	}

	/**
	 * One agency with a page of its sub-units, closed, from {@code from}: for the node
	 * the user opened or the "more" the user asked for.
	 */
	static TreeNode childrenOf(List<Agency> agencies, long agencyId, int from) {
		Tree tree = new Tree(agencies);
		Agency parent = tree.byId.get(agencyId);
		if (parent == null) {
			throw new NotFoundException("agency", agencyId);
		}
		return tree.page(parent, Math.max(0, from));
	}

	/**
	 * Matches of {@code q} (name or code, ignoring diacritics) with the path down to
	 * them; how many match.
	 */
	record Search(List<TreeNode> forest, int matches) {
	}

	static Search search(List<Agency> agencies, String q) {
		Tree tree = new Tree(agencies);
		String needle = VietnameseText.fold(q.trim());
		Set<Long> matches = new HashSet<>();
		Set<Long> onPath = new HashSet<>();
		for (Agency a : agencies) {
			if (VietnameseText.fold(a.name()).contains(needle) || VietnameseText.fold(a.code()).contains(needle)) {
				matches.add(a.id());
				Long up = a.parentId();
				while (up != null && tree.byId.containsKey(up) && onPath.add(up)) {
					up = tree.byId.get(up).parentId();
				}
			}
		}
		return new Search(tree.paths(tree.roots, matches, onPath), matches.size());
	}

	private static final class Tree {

		final Map<Long, Agency> byId = new HashMap<>();

		final Map<Long, List<Agency>> children = new HashMap<>();

		final List<Agency> roots = new ArrayList<>();

		// NB: sorted once, so every level below is in order as built
		Tree(List<Agency> agencies) {
			agencies.forEach(a -> byId.put(a.id(), a));
			for (Agency a : VietnameseText.sorted(agencies, Agency::name)) {
				// NB: the roots are those whose parent the user does not see: an
				// officer's tree starts at their agency
				if (a.parentId() != null && byId.containsKey(a.parentId())) {
					children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
				}
				else {
					roots.add(a);
				}
			}
		}

		List<Agency> childrenOf(Agency a) {
			return children.getOrDefault(a.id(), List.of());
		}

		List<TreeNode> closed(List<Agency> level) {
			return level.stream()
				.map(a -> new TreeNode(a, List.of(), children.getOrDefault(a.id(), List.of()).size(), false, false,
						false, 0))
				.toList();
		}

		TreeNode page(Agency a, int from) {
			List<Agency> all = childrenOf(a);
			List<Agency> shown = all.subList(Math.min(from, all.size()), Math.min(from + SHOWN, all.size()));
			return new TreeNode(a, closed(shown), all.size(), true, false, true, from);
		}

		/**
		 * Matches and the agencies above them, open; below a match its sub-units load on
		 * demand.
		 */
		List<TreeNode> paths(List<Agency> level, Set<Long> matches, Set<Long> onPath) {
			List<TreeNode> nodes = new ArrayList<>();
			for (Agency a : level) {
				boolean match = matches.contains(a.id());
				boolean open = onPath.contains(a.id());
				if (!match && !open) {
					continue;
				}
				int count = children.getOrDefault(a.id(), List.of()).size();
				if (open) {
					nodes.add(new TreeNode(a, paths(children.getOrDefault(a.id(), List.of()), matches, onPath), count,
							true, match, true, -1));
				}
				else {
					nodes.add(new TreeNode(a, List.of(), count, false, true, false, -1));
				}
			}
			return nodes;
		}

	}
}
