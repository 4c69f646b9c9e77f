package vn.khien.inventory.importing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

final class TestFiles {

	private TestFiles() {
	}

	static InputStream sample(String path) {
		InputStream in = TestFiles.class.getResourceAsStream("/samples/" + path);
		if (in == null) {
			throw new IllegalArgumentException("missing sample " + path);
		}
		return in;
	}

	static InputStream utf8(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Collects what a parser emits. */
	static final class Sink<T> implements Consumer<T> {

		final List<T> items = new ArrayList<>();

		@Override
		public void accept(T item) {
			items.add(item);
		}

		T get(int i) {
			return items.get(i);
		}

	}

}
