package vn.khien.compliance;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;

/**
 * Who sees and changes assessments and engagements: the owner agency's scope
 * (province-wide roles, officers of the agency or above it) and, for independent ones,
 * the users with the assessor role of the organisation concerned (R3.4), whom agency
 * scope alone would show nothing.
 */
@Component
class AssessmentAccess {

	/** Roles that write self-assessments, where {@link CurrentUser#mayEdit} allows. */
	static final Set<Role> SELF_WRITERS = Set.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER);

	private final CurrentUser currentUser;

	AssessmentAccess(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	/** A condition on rows by their agency and assessor columns, with its parameters. */
	record Visible(String sql, AgencyScope scope, @Nullable Long organisationId) {

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			JdbcClient.StatementSpec bound = scope.bind(spec);
			return organisationId == null ? bound : bound.param("viewerOrg", organisationId);
		}

	}

	Visible visible(String agencyColumn, String organisationColumn) {
		AgencyScope scope = currentUser.scope();
		Long organisation = assessorOrganisation();
		String sql = organisation == null ? scope.filter(agencyColumn)
				: "(" + scope.filter(agencyColumn) + " OR " + organisationColumn + " = :viewerOrg)";
		return new Visible(sql, scope, organisation);
	}

	/** The organisation the caller assesses for, when they have the assessor role. */
	@Nullable Long assessorOrganisation() {
		return currentUser.find().filter(u -> u.has(Role.ASSESSOR)).map(KhienUser::organisationId).orElse(null);
	}

	/**
	 * Whether the caller may answer, add evidence to and complete the assessment: its
	 * owner's writers for a self-assessment, its organisation's assessors for an
	 * independent one.
	 */
	boolean mayWrite(Assessment assessment) {
		if (assessment.kind() == Assessment.Kind.INDEPENDENT) {
			Long organisation = assessorOrganisation();
			return organisation != null && organisation.equals(assessment.organisationId());
		}
		return mayWriteFor(assessment.agencyId());
	}

	/** Whether the caller writes the agency's self-assessments and their actions. */
	boolean mayWriteFor(long agencyId) {
		boolean role = currentUser.find().map(u -> SELF_WRITERS.stream().anyMatch(u::has)).orElse(true);
		return role && currentUser.mayEdit(agencyId);
	}

	/** Whether the caller has a role that writes self-assessments somewhere. */
	boolean hasSelfWriterRole() {
		return currentUser.find().map(u -> SELF_WRITERS.stream().anyMatch(u::has)).orElse(false);
	}

	String actor() {
		return currentUser.name();
	}

}
