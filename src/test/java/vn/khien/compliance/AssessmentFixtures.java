package vn.khien.compliance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.TestLogins;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.SystemFixtures;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.Systems;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.Organisation;
import vn.khien.registry.OrganisationKind;
import vn.khien.registry.OrganisationStatus;
import vn.khien.registry.Organisations;

/**
 * Systems with a level, assessments at each stage, organisations and their assessors,
 * made as the test-fixtures principal for the assessments' tests.
 */
final class AssessmentFixtures {

	final AccessFixtures access;

	final SystemFixtures systemFixtures;

	final Systems systems;

	final SystemManagement systemManagement;

	final AssessmentManagement management;

	final Assessments assessments;

	final AssessmentActions actions;

	final Engagements engagements;

	final Organisations organisations;

	final LifecycleReviews reviews;

	final ProtectionLayers layers;

	final Accounts accounts;

	AssessmentFixtures(ApplicationContext context) {
		this.access = new AccessFixtures(context);
		this.systems = FixturePrincipal.wrap(context.getBean(Systems.class));
		this.systemManagement = FixturePrincipal.wrap(context.getBean(SystemManagement.class));
		this.systemFixtures = new SystemFixtures(systemManagement, systems,
				FixturePrincipal.wrap(context.getBean(Agencies.class)));
		this.management = FixturePrincipal.wrap(context.getBean(AssessmentManagement.class));
		this.assessments = FixturePrincipal.wrap(context.getBean(Assessments.class));
		this.actions = FixturePrincipal.wrap(context.getBean(AssessmentActions.class));
		this.engagements = FixturePrincipal.wrap(context.getBean(Engagements.class));
		this.organisations = FixturePrincipal.wrap(context.getBean(Organisations.class));
		this.reviews = FixturePrincipal.wrap(context.getBean(LifecycleReviews.class));
		this.layers = FixturePrincipal.wrap(context.getBean(ProtectionLayers.class));
		this.accounts = FixturePrincipal.wrap(context.getBean(Accounts.class));
	}

	static LocalDate today() {
		return AssessmentManagement.today();
	}

	/** A fresh unit under the demo agency with this code. */
	Agency unit(String parentCode) {
		return access.unit(parentCode);
	}

	/** A system of the unit at the level, approved. */
	InformationSystem system(Agency unit, int level) {
		InformationSystem system = systemFixtures.system(unit.code(), false);
		return systems.setSecurityLevel(system.id(), level, level);
	}

	/** The system, now monitored and protected by the organisation. */
	InformationSystem monitoredBy(InformationSystem s, long organisationId) {
		return update(s, s.critical(), MonitoringKind.ORGANISATION, organisationId);
	}

	/** A critical system of the unit at the level. */
	InformationSystem critical(Agency unit, int level) {
		InformationSystem s = system(unit, level);
		return update(s, true, s.monitoringKind(), s.monitoringOrganisationId());
	}

	InformationSystem update(InformationSystem s, boolean critical, MonitoringKind monitoring,
			@org.jspecify.annotations.Nullable Long organisationId) {
		return systemManagement.update(s.id(),
				new SystemManagement.SystemDetails(s.code(), s.name(), s.ownerAgencyId(), s.operatorAgencyId(),
						s.purpose(), s.userCount(), s.lifecycle(), s.hosting(), s.cloudProvider(), s.internetFacing(),
						s.publicServiceLevel(), s.dataClassification(), s.handlesPersonalData(),
						s.personalSubjectsBasic(), s.personalSubjectsSensitive(), s.stateSecretGrade(), critical,
						s.eGovernment(), monitoring, organisationId));
	}

	LifecycleReview review(long systemId) {
		return reviews.record(new LifecycleReviews.NewReview(systemId, LifecycleReview.Stage.DESIGN, null,
				LifecycleReview.Result.PASSED, "Hội đồng thẩm định", null));
	}

	LifecycleReview.Document document(long reviewId) {
		byte[] content = "%PDF-1.7 biên bản".getBytes(StandardCharsets.UTF_8);
		return reviews.addDocument(reviewId, new ByteArrayInputStream(content), "bien-ban.pdf", "application/pdf",
				content.length);
	}

	Assessment draft(long systemId) {
		return management.create(new AssessmentManagement.NewAssessment(systemId, null, null));
	}

	List<Assessment.Requirement> requirements(long assessmentId) {
		return assessments.requirements(assessmentId);
	}

	/**
	 * A draft of a new system of the unit, every requirement met but the first, not met.
	 */
	Assessment answered(Agency unit) {
		Assessment draft = draft(system(unit, 1).id());
		boolean first = true;
		for (Assessment.Requirement r : requirements(draft.id())) {
			management.answer(draft.id(), r.requirementId(),
					first ? new AssessmentManagement.AnswerInput(Assessment.Answer.NOT_MET, "Chưa có", "Phòng CNTT",
							today().plusDays(30))
							: new AssessmentManagement.AnswerInput(Assessment.Answer.MET, null, null, null));
			first = false;
		}
		return assessments.get(draft.id());
	}

	/**
	 * The open remediation action of a completed assessment of a new system of the unit.
	 */
	AssessmentAction action(Agency unit) {
		Assessment done = management.complete(answered(unit).id(), null);
		return actions.of(done.id()).get(0);
	}

	Assessment.Evidence evidence(long assessmentId) {
		byte[] content = "%PDF-1.7 bằng chứng".getBytes(StandardCharsets.UTF_8);
		return management.addEvidence(assessmentId,
				new AssessmentManagement.EvidenceInput(null, "Quy chế", null, today().plusYears(1)),
				new ByteArrayInputStream(content), "quy-che.pdf", "application/pdf", content.length);
	}

	Organisation organisation(OrganisationKind kind) {
		return organisations.create(new Organisation.Details(kind, "Tổ chức thử " + AccessFixtures.unique("ORG"), null,
				null, null, null, null, null, OrganisationStatus.ACTIVE));
	}

	/**
	 * A new account with the assessor role of the organisation, signed in with the demo
	 * password.
	 */
	String assessorOf(Organisation organisation) {
		String username = AccessFixtures.unique("assessor").toLowerCase(java.util.Locale.ROOT);
		accounts.create(new Accounts.NewAccount(username, "Đánh giá viên " + organisation.name(), null,
				TestLogins.DEMO_PASSWORD, java.util.Set.of(Role.ASSESSOR), null, organisation.id()));
		return username;
	}

	Engagement engagement(long systemId, long organisationId) {
		return engagements.record(new Engagements.NewEngagement(systemId, organisationId, today().minusDays(30),
				today().plusDays(335), "Hợp đồng thử"));
	}

}
