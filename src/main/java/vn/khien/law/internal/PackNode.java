package vn.khien.law.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a pack file that knows its line, so every refusal names where the file is
 * wrong. Mappings are strict: a key the format does not know is refused (a misspelt key
 * would otherwise drop a rule silently).
 */
final class PackNode {

	private final Node node;

	private final String file;

	PackNode(Node node, String file) {
		this.node = node;
		this.file = file;
	}

	int line() {
		return node.getStartMark().getLine() + 1;
	}

	PackException fail(String messageKey, Object... args) {
		return new PackException(file, line(), messageKey, args);
	}

	Fields fields(String... allowed) {
		if (!(node instanceof MappingNode mapping)) {
			throw fail("law.pack.notMapping");
		}
		Map<String, PackNode> fields = new LinkedHashMap<>();
		Set<String> known = Set.of(allowed);
		for (NodeTuple tuple : mapping.getValue()) {
			PackNode key = new PackNode(tuple.getKeyNode(), file);
			String name = key.text();
			if (!known.contains(name)) {
				throw key.fail("law.pack.unknownField", name);
			}
			if (fields.put(name, new PackNode(tuple.getValueNode(), file)) != null) {
				throw key.fail("law.pack.duplicateField", name);
			}
		}
		return new Fields(this, fields);
	}

	boolean isMapping() {
		return node instanceof MappingNode;
	}

	boolean isList() {
		return node instanceof SequenceNode;
	}

	List<PackNode> list() {
		if (!(node instanceof SequenceNode sequence)) {
			throw fail("law.pack.notList");
		}
		List<PackNode> items = new ArrayList<>();
		sequence.getValue().forEach(n -> items.add(new PackNode(n, file)));
		return items;
	}

	String text() {
		if (!(node instanceof ScalarNode scalar)) {
			throw fail("law.pack.notText");
		}
		return scalar.getValue().trim();
	}

	long number() {
		String text = text();
		try {
			return Long.parseLong(text.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw fail("law.pack.notNumber", text);
		}
	}

	/**
	 * The fields of one mapping, each one read once and checked present when required.
	 */
	static final class Fields {

		private final PackNode owner;

		private final Map<String, PackNode> fields;

		Fields(PackNode owner, Map<String, PackNode> fields) {
			this.owner = owner;
			this.fields = fields;
		}

		PackNode required(String name) {
			PackNode node = fields.get(name);
			if (node == null) {
				throw owner.fail("law.pack.missingField", name);
			}
			return node;
		}

		@Nullable PackNode optional(String name) {
			return fields.get(name);
		}

		String text(String name) {
			String text = required(name).text();
			if (text.isEmpty()) {
				throw required(name).fail("law.pack.missingField", name);
			}
			return text;
		}

		@Nullable String optionalText(String name) {
			PackNode node = fields.get(name);
			if (node == null) {
				return null;
			}
			String text = node.text();
			return text.isEmpty() ? null : text;
		}

		PackNode owner() {
			return owner;
		}

	}

}
