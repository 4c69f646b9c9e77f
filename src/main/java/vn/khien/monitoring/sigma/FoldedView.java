package vn.khien.monitoring.sigma;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;
import vn.khien.monitoring.event.SigmaView;

/**
 * The event as one match call sees it: each string value is folded to lower case once,
 * however many rules compare it, so case-insensitive tests become plain (intrinsic)
 * {@code indexOf}, {@code startsWith} and {@code endsWith}.
 */
final class FoldedView implements SigmaView {

	private static final int SLOTS = 64;

	private final SigmaView event;

	private final String[] originals = new String[SLOTS];

	private final String[] folded = new String[SLOTS];

	FoldedView(SigmaView event) {
		this.event = event;
	}

	/** The value folded char by char (its length kept), remembered by identity. */
	String fold(String value) {
		int slot = value.hashCode() & (SLOTS - 1);
		for (int probe = 0; probe < 4; probe++) {
			int i = (slot + probe) & (SLOTS - 1);
			String original = originals[i];
			if (original == value) {
				return folded[i];
			}
			if (original == null) {
				String f = Glob.foldAll(value);
				originals[i] = value;
				folded[i] = f;
				return f;
			}
		}
		return Glob.foldAll(value);
	}

	@Override
	public @Nullable Object field(String name) {
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
	public Instant timestamp() {
		return event.timestamp();
	}

}
