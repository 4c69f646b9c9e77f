package vn.khien.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.registry.AgenciesMerged;

/**
 * Moves the assets of merged agencies to the successor, in the merge's transaction. An asset the successor
 * already has (same identity) stays with its old agency, so nothing is lost or silently combined.
 */
@Component
class AssetsOfMergedAgencies {

	private static final Logger log = LoggerFactory.getLogger(AssetsOfMergedAgencies.class);

	private final JdbcClient jdbc;

	AssetsOfMergedAgencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AgenciesMerged merged) {
		for (long source : merged.sourceIds()) {
			if (source == merged.successorId()) {
				continue;
			}
			// One source at a time, so two sources holding the same host cannot both move
			int moved = jdbc.sql("""
					UPDATE asset SET agency_id = :successor WHERE agency_id = :source AND identity_key NOT IN
					  (SELECT s.identity_key FROM asset s WHERE s.agency_id = :successor)""")
				.param("successor", merged.successorId())
				.param("source", source)
				.update();
			log.info("moved {} assets of merged agency {} to {}", moved, source, merged.successorId());
		}
	}
}
