package vn.khien.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.KhienTest;
import vn.khien.registry.AgenciesMerged;
import vn.khien.registry.Agency;
import vn.khien.registry.OrganisationKind;

/**
 * When agencies merge, their assessments, engagements and remediation actions follow
 * their systems to the successor, audited once per source agency. The listener is called
 * as the merge calls it, without merging agencies of the shared test database.
 */
@KhienTest
class AssessmentMergeTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AssessmentsFollowTheirSystems listener;

	@Test
	void assessmentsEngagementsAndActionsMoveToTheSuccessor() {
		var f = new AssessmentFixtures(context);
		Agency source = f.unit("SYT");
		Agency successor = f.unit("SYT");
		long action = f.action(source).id();
		long assessment = jdbc.sql("SELECT assessment_id FROM assessment_action WHERE id = :id")
			.param("id", action)
			.query(Long.class)
			.single();
		long engagement = f.engagement(f.system(source, 1).id(), f.organisation(OrganisationKind.ASSESSOR).id()).id();

		listener.on(new AgenciesMerged(List.of(source.id(), successor.id()), successor.id(), LocalDate.now()));

		assertThat(agencyOf("assessment", assessment)).isEqualTo(successor.id());
		assertThat(agencyOf("assessment_action", action)).isEqualTo(successor.id());
		assertThat(agencyOf("assessment_engagement", engagement)).isEqualTo(successor.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'ASSESSMENTS_MOVED' AND entity_id = :id")
			.param("id", String.valueOf(source.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long agencyOf(String table, long id) {
		return jdbc.sql("SELECT agency_id FROM " + table + " WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
