package vn.khien.registry.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.VietnameseText;
import vn.khien.registry.Agency;

/** An agency with its children, for the tree page; {@code open} marks the path to a search match. */
record TreeNode(Agency agency, List<TreeNode> children, boolean match, boolean open) {

	/**
	 * Builds the forest of the given agencies (roots are those whose parent is not among them),
	 * keeping only matches of {@code q} and their ancestors when {@code q} is given.
	 */
	static List<TreeNode> forest(List<Agency> agencies, @Nullable String q) {
		Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		Map<Long, Agency> byId = new HashMap<>();
		agencies.forEach(a -> byId.put(a.id(), a));
		Map<Long, List<Agency>> children = new HashMap<>();
		List<Agency> roots = new ArrayList<>();
		for (Agency a : agencies) {
			if (a.parentId() != null && byId.containsKey(a.parentId())) {
				children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
			}
			else {
				roots.add(a);
			}
		}
		Set<Long> matches = new HashSet<>();
		Set<Long> onPath = new HashSet<>();
		String needle = q == null || q.isBlank() ? null : VietnameseText.fold(q.trim());
		if (needle != null) {
			for (Agency a : agencies) {
				if (VietnameseText.fold(a.name()).contains(needle) || VietnameseText.fold(a.code()).contains(needle)) {
					matches.add(a.id());
					Long up = a.parentId();
					while (up != null && byId.containsKey(up) && onPath.add(up)) {
						up = byId.get(up).parentId();
					}
				}
			}
		}
		Comparator<Agency> order = (x, y) -> collator.compare(x.name(), y.name());
		return build(roots, children, order, needle == null ? null : matches, onPath);
	}

	private static List<TreeNode> build(List<Agency> level, Map<Long, List<Agency>> children, Comparator<Agency> order,
			@Nullable Set<Long> matches, Set<Long> onPath) {
		List<TreeNode> nodes = new ArrayList<>();
		level.stream().sorted(order).forEach(a -> {
			boolean match = matches != null && matches.contains(a.id());
			boolean open = onPath.contains(a.id());
			if (matches != null && !match && !open) {
				return;
			}
			List<TreeNode> kids = build(children.getOrDefault(a.id(), List.of()), children, order,
					match ? null : matches, onPath);
			nodes.add(new TreeNode(a, kids, match, open));
		});
		return nodes;
	}
}
