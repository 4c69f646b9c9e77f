package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DomesticAlternativeWarningTests {

	static InformationSystem system(@Nullable Integer proposed, @Nullable Integer approved, boolean egov) {
		return new InformationSystem(1, "S", "S", 1, null, null, null, SystemLifecycle.OPERATING, Hosting.OWN_PREMISES,
				null, false, PublicServiceLevel.NONE, DataClassification.INTERNAL, false, null, null,
				StateSecretGrade.NONE, false, egov, proposed, approved, MonitoringKind.NONE, null, false, Instant.EPOCH,
				Instant.EPOCH);
	}

	static SystemProduct product(ProductOrigin origin, @Nullable String alternative) {
		return new SystemProduct(1, 1, null, "Vendor", "Product", "1", origin, alternative);
	}

	@Test
	void foreignProductWithAlternativeOnLevelThreeSystemWarns() {
		assertThat(SystemProducts.domesticAlternativeWarning(system(3, null, false),
				product(ProductOrigin.FOREIGN, "Nội")))
			.isTrue();
		assertThat(SystemProducts.domesticAlternativeWarning(system(null, 5, false),
				product(ProductOrigin.FOREIGN, "Nội")))
			.isTrue();
	}

	@Test
	void eGovernmentSystemWarnsWhateverItsLevel() {
		assertThat(SystemProducts.domesticAlternativeWarning(system(null, null, true),
				product(ProductOrigin.FOREIGN, "Nội")))
			.isTrue();
	}

	@Test
	void approvedLevelOutranksProposedLevel() {
		assertThat(
				SystemProducts.domesticAlternativeWarning(system(3, 2, false), product(ProductOrigin.FOREIGN, "Nội")))
			.isFalse();
	}

	@Test
	void lowLevelOrNoAlternativeOrDomesticProductDoesNotWarn() {
		assertThat(SystemProducts.domesticAlternativeWarning(system(2, null, false),
				product(ProductOrigin.FOREIGN, "Nội")))
			.isFalse();
		assertThat(SystemProducts.domesticAlternativeWarning(system(4, 4, true), product(ProductOrigin.FOREIGN, null)))
			.isFalse();
		assertThat(SystemProducts.domesticAlternativeWarning(system(4, 4, true), product(ProductOrigin.FOREIGN, "  ")))
			.isFalse();
		assertThat(
				SystemProducts.domesticAlternativeWarning(system(4, 4, true), product(ProductOrigin.DOMESTIC, "Nội")))
			.isFalse();
	}

}
