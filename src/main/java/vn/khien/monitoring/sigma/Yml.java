package vn.khien.monitoring.sigma;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a small tree that keeps each node's line, read through SnakeYAML's
 * node API (no object construction, so no tags can instantiate anything).
 */
sealed interface Yml {

	int line();

	/** The documents of a file, or a failure carrying the line of the YAML error. */
	static List<Yml> documents(byte[] yaml) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(yaml))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new SigmaException(0, "not UTF-8 text");
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setNestingDepthLimit(40);
		options.setAllowRecursiveKeys(false);
		options.setCodePointLimit(4 * 1024 * 1024);
		Yaml parser = new Yaml(new SafeConstructor(options));
		List<Yml> documents = new ArrayList<>();
		try {
			for (Node node : parser.composeAll(new StringReader(text))) {
				documents.add(of(node, 0));
			}
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			String problem = ex.getProblem() != null ? ex.getProblem() : ex.getMessage();
			throw new SigmaException(mark == null ? 0 : mark.getLine() + 1, "invalid YAML: " + problem);
		}
		catch (YAMLException ex) {
			throw new SigmaException(0, "invalid YAML: " + ex.getMessage());
		}
		return documents;
	}

	private static Yml of(Node node, int depth) {
		int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
		if (depth > 40) {
			throw new SigmaException(line, "nested too deep");
		}
		if (node instanceof ScalarNode scalar) {
			return new Scalar(scalar.getValue(), kind(scalar.getTag()), line);
		}
		if (node instanceof SequenceNode sequence) {
			List<Yml> items = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				items.add(of(item, depth + 1));
			}
			return new Seq(items, line);
		}
		MappingNode mapping = (MappingNode) node;
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				throw new SigmaException(line, "a key that is not text");
			}
			int keyLine = key.getStartMark().getLine() + 1;
			if (entries.put(key.getValue(),
					new Entry(key.getValue(), keyLine, of(tuple.getValueNode(), depth + 1))) != null) {
				throw new SigmaException(keyLine, "duplicate key '" + key.getValue() + "'");
			}
		}
		return new MapNode(entries, line);
	}

	private static Kind kind(Tag tag) {
		if (Tag.INT.equals(tag)) {
			return Kind.INT;
		}
		if (Tag.FLOAT.equals(tag)) {
			return Kind.FLOAT;
		}
		if (Tag.BOOL.equals(tag)) {
			return Kind.BOOL;
		}
		if (Tag.NULL.equals(tag)) {
			return Kind.NULL;
		}
		return Kind.STR;
	}

	enum Kind {

		STR, INT, FLOAT, BOOL, NULL

	}

	record Scalar(String text, Kind kind, int line) implements Yml {
	}

	record Seq(List<Yml> items, int line) implements Yml {
	}

	record Entry(String key, int line, Yml value) {
	}

	record MapNode(Map<String, Entry> entries, int line) implements Yml {

		@Nullable Yml get(String key) {
			Entry entry = entries.get(key);
			return entry == null ? null : entry.value();
		}

		int lineOf(String key) {
			Entry entry = entries.get(key);
			return entry == null ? line : entry.line();
		}

		/**
		 * A copy with the other map's entries laid over this one's, maps merged deeply.
		 */
		MapNode mergedWith(MapNode over) {
			Map<String, Entry> merged = new LinkedHashMap<>(entries);
			for (Entry entry : over.entries.values()) {
				Entry mine = merged.get(entry.key());
				if (mine != null && mine.value() instanceof MapNode a && entry.value() instanceof MapNode b) {
					merged.put(entry.key(), new Entry(entry.key(), entry.line(), a.mergedWith(b)));
				}
				else {
					merged.put(entry.key(), entry);
				}
			}
			return new MapNode(merged, over.line);
		}

	}

}
