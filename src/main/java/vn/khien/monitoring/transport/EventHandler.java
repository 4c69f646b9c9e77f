package vn.khien.monitoring.transport;

import java.util.List;

/**
 * What detection does with a batch of events. Throwing hands the whole batch back: it is
 * offered again (at least once), so the handler's writes must be idempotent.
 */
@FunctionalInterface
public interface EventHandler {

	/** Events of one agency come in the order they were published. */
	void handle(List<RawEvent> batch) throws Exception;

}
