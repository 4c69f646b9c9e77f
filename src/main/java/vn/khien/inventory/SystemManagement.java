package vn.khien.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.VietnameseText;
import vn.khien.registry.Agencies;

/**
 * Creating, changing and retiring information systems. Only the owner agency's side may
 * change a system: a user agency of a shared system that tries gets 403 (it sees the
 * system), anyone else 404.
 */
@Service
public class SystemManagement {

	/**
	 * What a user may set on a system; security levels are set by compliance
	 * ({@link Systems#setSecurityLevel}).
	 */
	public record SystemDetails(String code, String name, long ownerAgencyId, @Nullable Long operatorAgencyId,
			@Nullable String purpose, @Nullable Integer userCount, SystemLifecycle lifecycle, Hosting hosting,
			@Nullable String cloudProvider, boolean internetFacing, PublicServiceLevel publicServiceLevel,
			DataClassification dataClassification, boolean handlesPersonalData, @Nullable Integer personalSubjectsBasic,
			@Nullable Integer personalSubjectsSensitive, StateSecretGrade stateSecretGrade, boolean critical,
			boolean eGovernment, MonitoringKind monitoringKind, @Nullable Long monitoringOrganisationId) {
	}

	/** What a delete did: a system with hosts is retired instead of deleted. */
	public enum Removal {

		DELETED, RETIRED

	}

	private final JdbcClient jdbc;

	private final Systems systems;

	private final Agencies agencies;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	private final SystemLevels levels;

	private final ApplicationEventPublisher events;

	SystemManagement(JdbcClient jdbc, Systems systems, Agencies agencies, AuditLog audit, CurrentUser currentUser,
			SystemLevels levels, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.levels = levels;
		this.systems = systems;
		this.agencies = agencies;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	@Transactional
	public InformationSystem create(SystemDetails details) {
		check(details, null);
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		params(jdbc
			.sql("""
					INSERT INTO information_system (code, name, name_key, owner_agency_id, operator_agency_id, purpose, user_count,
					  lifecycle, hosting, cloud_provider, internet_facing, public_service_level, data_classification,
					  handles_personal_data, personal_subjects_basic, personal_subjects_sensitive, state_secret_grade,
					  critical, e_government, monitoring_kind, monitoring_organisation_id, shared, created_at, updated_at)
					VALUES (:code, :name, :nameKey, :owner, :operator, :purpose, :userCount, :lifecycle, :hosting, :cloud, :internet,
					  :psl, :classification, :personal, :basic, :sensitive, :secret, :critical, :egov, :monitoring, :org,
					  FALSE, :now, :now)"""),
				details)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		InformationSystem created = systems.get(id);
		levels.recount(created.ownerAgencyId());
		audit.record("CREATE", "information_system", id, null, created);
		return created;
	}

	@Transactional
	public InformationSystem update(long id, SystemDetails details) {
		InformationSystem before = editable(id);
		check(details, id);
		params(jdbc
			.sql("""
					UPDATE information_system SET code = :code, name = :name, name_key = :nameKey, owner_agency_id = :owner,
					  operator_agency_id = :operator, purpose = :purpose, user_count = :userCount, lifecycle = :lifecycle,
					  hosting = :hosting, cloud_provider = :cloud, internet_facing = :internet, public_service_level = :psl,
					  data_classification = :classification, handles_personal_data = :personal,
					  personal_subjects_basic = :basic, personal_subjects_sensitive = :sensitive,
					  state_secret_grade = :secret, critical = :critical, e_government = :egov, monitoring_kind = :monitoring,
					  monitoring_organisation_id = :org, updated_at = :now WHERE id = :id"""),
				details)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		// NB: a new owner is no longer one of its own system's user agencies
		jdbc.sql("DELETE FROM system_user_agency WHERE system_id = :id AND agency_id = :owner")
			.param("id", id)
			.param("owner", details.ownerAgencyId())
			.update();
		refreshShared(id);
		InformationSystem after = systems.get(id);
		levels.recount(before.ownerAgencyId(), after.ownerAgencyId());
		audit.record("UPDATE", "information_system", id, before, after);
		if (before.ownerAgencyId() != after.ownerAgencyId()) {
			events.publishEvent(new SystemOwnerChanged(id, before.ownerAgencyId(), after.ownerAgencyId()));
		}
		return after;
	}

	/**
	 * Deletes the system, or retires it when hosts are attached (their history must stay
	 * linked).
	 */
	@Transactional
	public Removal delete(long id) {
		InformationSystem before = editable(id);
		long hosts = jdbc.sql("SELECT COUNT(*) FROM asset WHERE system_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		if (hosts > 0) {
			jdbc.sql("UPDATE information_system SET lifecycle = 'RETIRED', updated_at = :now WHERE id = :id")
				.param("now", Timestamp.from(Instant.now()))
				.param("id", id)
				.update();
			levels.recount(before.ownerAgencyId());
			audit.record("RETIRE", "information_system", id, before, systems.get(id));
			return Removal.RETIRED;
		}
		jdbc.sql("DELETE FROM information_system WHERE id = :id").param("id", id).update();
		levels.recount(before.ownerAgencyId());
		audit.record("DELETE", "information_system", id, before, null);
		return Removal.DELETED;
	}

	/**
	 * Replaces the agencies that use the system besides its owner; a system with user
	 * agencies is shared. Each must be an agency the current user sees.
	 */
	@Transactional
	public List<Long> setUserAgencies(long id, Collection<Long> agencyIds) {
		InformationSystem system = editable(id);
		List<Long> before = systems.userAgencyIds(id);
		var wanted = new TreeSet<Long>();
		for (Long agencyId : agencyIds) {
			if (agencyId == null || agencies.find(agencyId).isEmpty()) {
				throw new InvalidInputException("agencyIds", "system.users.unknown", String.valueOf(agencyId));
			}
			if (agencyId != system.ownerAgencyId()) {
				wanted.add(agencyId);
			}
		}
		jdbc.sql("DELETE FROM system_user_agency WHERE system_id = :id").param("id", id).update();
		for (Long agencyId : wanted) {
			jdbc.sql("INSERT INTO system_user_agency (system_id, agency_id) VALUES (:id, :agency)")
				.param("id", id)
				.param("agency", agencyId)
				.update();
		}
		refreshShared(id);
		List<Long> after = List.copyOf(wanted);
		audit.record("USERS", "information_system", id, Map.of("userAgencyIds", before),
				Map.of("userAgencyIds", after));
		return after;
	}

	/**
	 * The system if the current user may change it: 404 when not visible, 403 when
	 * visible read-only.
	 */
	InformationSystem editable(long id) {
		InformationSystem system = systems.get(id);
		if (!systems.mayEdit(system)) {
			throw InvalidInputException.withStatus(403, "system.readOnly");
		}
		return system;
	}

	private void refreshShared(long id) {
		jdbc.sql(
				"""
						UPDATE information_system SET shared = CASE WHEN EXISTS
						  (SELECT 1 FROM system_user_agency u WHERE u.system_id = :id) THEN TRUE ELSE FALSE END WHERE id = :id""")
			.param("id", id)
			.update();
	}

	private void check(SystemDetails d, @Nullable Long self) {
		if (agencies.find(d.ownerAgencyId()).isEmpty()) {
			throw new InvalidInputException("ownerAgencyId", "system.owner.unknown", String.valueOf(d.ownerAgencyId()));
		}
		if (!currentUser.mayEdit(d.ownerAgencyId())) {
			throw new InvalidInputException("ownerAgencyId", "system.owner.notEditable");
		}
		if (d.operatorAgencyId() != null && agencies.find(d.operatorAgencyId()).isEmpty()) {
			throw new InvalidInputException("operatorAgencyId", "system.operator.unknown",
					String.valueOf(d.operatorAgencyId()));
		}
		if (d.hosting() == Hosting.CLOUD && blank(d.cloudProvider())) {
			throw new InvalidInputException("cloudProvider", "system.cloudProvider.required");
		}
		if (d.monitoringKind() == MonitoringKind.ORGANISATION && d.monitoringOrganisationId() == null) {
			throw new InvalidInputException("monitoringOrganisationId", "system.monitoringOrganisation.required");
		}
		// NB: systems holding state secrets must not be connected to the Internet (Law on
		// Protection of State Secrets)
		if (d.stateSecretGrade() != StateSecretGrade.NONE && d.internetFacing()) {
			throw new InvalidInputException("internetFacing", "system.stateSecret.internet");
		}
		if (d.dataClassification() == DataClassification.PUBLIC
				&& (d.handlesPersonalData() || d.stateSecretGrade() != StateSecretGrade.NONE)) {
			throw new InvalidInputException("dataClassification", "system.classification.public");
		}
		Long holder = jdbc.sql("SELECT id FROM information_system WHERE code = :code")
			.param("code", d.code().trim())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (holder != null && !holder.equals(self)) {
			throw InvalidInputException.conflict("code", "system.code.taken", d.code().trim());
		}
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, SystemDetails d) {
		return spec.param("code", d.code().trim())
			.param("name", d.name().trim())
			.param("nameKey", VietnameseText.sortKey(d.name().trim()))
			.param("owner", d.ownerAgencyId())
			.param("operator", d.operatorAgencyId())
			.param("purpose", trimToNull(d.purpose()))
			.param("userCount", d.userCount())
			.param("lifecycle", d.lifecycle().name())
			.param("hosting", d.hosting().name())
			.param("cloud", d.hosting() == Hosting.CLOUD ? trimToNull(d.cloudProvider()) : null)
			.param("internet", d.internetFacing())
			.param("psl", d.publicServiceLevel().name())
			.param("classification", d.dataClassification().name())
			.param("personal", d.handlesPersonalData())
			.param("basic", d.handlesPersonalData() ? d.personalSubjectsBasic() : null)
			.param("sensitive", d.handlesPersonalData() ? d.personalSubjectsSensitive() : null)
			.param("secret", d.stateSecretGrade().name())
			.param("critical", d.critical())
			.param("egov", d.eGovernment())
			.param("monitoring", d.monitoringKind().name())
			.param("org", d.monitoringKind() == MonitoringKind.ORGANISATION ? d.monitoringOrganisationId() : null);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	static @Nullable String trimToNull(@Nullable String s) {
		return blank(s) ? null : s.trim();
	}

}
