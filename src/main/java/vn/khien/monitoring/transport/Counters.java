package vn.khien.monitoring.transport;

import java.util.concurrent.atomic.LongAdder;

/** The live counts behind {@link TransportCounters}; adders, as publishers contend. */
final class Counters {

	final LongAdder accepted = new LongAdder();

	final LongAdder refused = new LongAdder();

	final LongAdder lost = new LongAdder();

	final LongAdder handled = new LongAdder();

	final LongAdder failed = new LongAdder();

	final LongAdder malformed = new LongAdder();

	TransportCounters snapshot() {
		return new TransportCounters(this.accepted.sum(), this.refused.sum(), this.lost.sum(), this.handled.sum(),
				this.failed.sum(), this.malformed.sum());
	}

}
