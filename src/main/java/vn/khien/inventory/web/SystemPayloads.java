package vn.khien.inventory.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.inventory.DataClassification;
import vn.khien.inventory.Hosting;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.MonitoringKind;
import vn.khien.inventory.ProductOrigin;
import vn.khien.inventory.PublicServiceLevel;
import vn.khien.inventory.StateSecretGrade;
import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.SystemManagement.SystemDetails;
import vn.khien.inventory.SystemProduct;
import vn.khien.inventory.SystemProducts;
import vn.khien.inventory.SystemProducts.ProductDetails;

/** What the systems API and pages accept and answer. */
public final class SystemPayloads {

	private SystemPayloads() {
	}

	/**
	 * A system as the API shows it; {@code userAgencyIds} and {@code hostCount} only on
	 * the detail.
	 */
	public record SystemView(long id, String code, String name, long ownerAgencyId, @Nullable Long operatorAgencyId,
			@Nullable String purpose, @Nullable Integer userCount, SystemLifecycle lifecycle, Hosting hosting,
			@Nullable String cloudProvider, boolean internetFacing, PublicServiceLevel publicServiceLevel,
			DataClassification dataClassification, boolean handlesPersonalData, @Nullable Integer personalSubjectsBasic,
			@Nullable Integer personalSubjectsSensitive, StateSecretGrade stateSecretGrade, boolean critical,
			boolean egovernment, @Nullable Integer securityLevelProposed, @Nullable Integer securityLevelApproved,
			MonitoringKind monitoringKind, @Nullable Long monitoringOrganisationId, boolean shared, boolean editable,
			@Nullable List<Long> userAgencyIds, @Nullable Long hostCount, Instant createdAt, Instant updatedAt) {

		static SystemView from(InformationSystem s, boolean editable) {
			return from(s, editable, null, null);
		}

		static SystemView from(InformationSystem s, boolean editable, @Nullable List<Long> users,
				@Nullable Long hosts) {
			return new SystemView(s.id(), s.code(), s.name(), s.ownerAgencyId(), s.operatorAgencyId(), s.purpose(),
					s.userCount(), s.lifecycle(), s.hosting(), s.cloudProvider(), s.internetFacing(),
					s.publicServiceLevel(), s.dataClassification(), s.handlesPersonalData(), s.personalSubjectsBasic(),
					s.personalSubjectsSensitive(), s.stateSecretGrade(), s.critical(), s.eGovernment(),
					s.securityLevelProposed(), s.securityLevelApproved(), s.monitoringKind(),
					s.monitoringOrganisationId(), s.shared(), editable, users, hosts, s.createdAt(), s.updatedAt());
		}
	}

	/**
	 * The system form, also the JSON body of create and update; absent flags and kinds
	 * take their defaults.
	 */
	public record SystemForm(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]*") String code,
			@NotBlank @Size(max = 255) String name, @NotNull Long ownerAgencyId, @Nullable Long operatorAgencyId,
			@Nullable @Size(max = 2000) String purpose, @Nullable @Min(0) @Max(100_000_000) Integer userCount,
			@NotNull SystemLifecycle lifecycle, @NotNull Hosting hosting,
			@Nullable @Size(max = 255) String cloudProvider, @Nullable Boolean internetFacing,
			@Nullable PublicServiceLevel publicServiceLevel, @Nullable DataClassification dataClassification,
			@Nullable Boolean handlesPersonalData, @Nullable @Min(0) @Max(1_000_000_000) Integer personalSubjectsBasic,
			@Nullable @Min(0) @Max(1_000_000_000) Integer personalSubjectsSensitive,
			@Nullable StateSecretGrade stateSecretGrade, @Nullable Boolean critical, @Nullable Boolean egovernment,
			@Nullable MonitoringKind monitoringKind, @Nullable Long monitoringOrganisationId) {

		static SystemForm empty(@Nullable Long owner) {
			return new SystemForm("", "", owner, null, null, null, SystemLifecycle.OPERATING, Hosting.OWN_PREMISES,
					null, false, PublicServiceLevel.NONE, DataClassification.INTERNAL, false, null, null,
					StateSecretGrade.NONE, false, false, MonitoringKind.NONE, null);
		}

		static SystemForm from(InformationSystem s) {
			return new SystemForm(s.code(), s.name(), s.ownerAgencyId(), s.operatorAgencyId(), s.purpose(),
					s.userCount(), s.lifecycle(), s.hosting(), s.cloudProvider(), s.internetFacing(),
					s.publicServiceLevel(), s.dataClassification(), s.handlesPersonalData(), s.personalSubjectsBasic(),
					s.personalSubjectsSensitive(), s.stateSecretGrade(), s.critical(), s.eGovernment(),
					s.monitoringKind(), s.monitoringOrganisationId());
		}

		SystemDetails details() {
			return new SystemDetails(code, name, ownerAgencyId, operatorAgencyId, purpose, userCount, lifecycle,
					hosting, cloudProvider, yes(internetFacing), or(publicServiceLevel, PublicServiceLevel.NONE),
					or(dataClassification, DataClassification.INTERNAL), yes(handlesPersonalData),
					personalSubjectsBasic, personalSubjectsSensitive, or(stateSecretGrade, StateSecretGrade.NONE),
					yes(critical), yes(egovernment), or(monitoringKind, MonitoringKind.NONE), monitoringOrganisationId);
		}

		private static boolean yes(@Nullable Boolean b) {
			return Boolean.TRUE.equals(b);
		}

		private static <T> T or(@Nullable T value, T fallback) {
			return value == null ? fallback : value;
		}
	}

	public record ProductView(long id, long systemId, @Nullable String component, String vendor, String product,
			@Nullable String version, ProductOrigin origin, @Nullable String domesticAlternative,
			boolean domesticAlternativeWarning) {

		static ProductView from(InformationSystem system, SystemProduct p) {
			return new ProductView(p.id(), p.systemId(), p.component(), p.vendor(), p.product(), p.version(),
					p.origin(), p.domesticAlternative(), SystemProducts.domesticAlternativeWarning(system, p));
		}
	}

	public record ProductForm(@Nullable @Size(max = 255) String component, @NotBlank @Size(max = 255) String vendor,
			@NotBlank @Size(max = 255) String product, @Nullable @Size(max = 100) String version,
			@NotNull ProductOrigin origin, @Nullable @Size(max = 255) String domesticAlternative) {

		static ProductForm empty() {
			return new ProductForm(null, "", "", null, ProductOrigin.DOMESTIC, null);
		}

		ProductDetails details() {
			return new ProductDetails(component, vendor, product, version, origin, domesticAlternative);
		}
	}

	/** The user agencies of a shared system, each by id or code. */
	record UsersRequest(@NotNull @Size(max = 1000) List<@NotBlank @Size(max = 50) String> agencies) {
	}

	record UsersView(long systemId, List<Long> agencyIds) {
	}

}
