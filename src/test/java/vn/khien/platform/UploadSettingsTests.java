package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The upload quota and retention as Spring binds them at start-up. */
class UploadSettingsTests {

	static KhienSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("khien", KhienSettings.class);
	}

	@Test
	void quotaIsFiveGigabytesAndRetentionAYearByDefault() {
		KhienSettings.Uploads uploads = bind(Map.of()).uploads();
		assertThat(uploads.quotaPerAgency()).isEqualTo(DataSize.ofGigabytes(5));
		assertThat(uploads.retention()).isEqualTo(Duration.ofDays(365));
	}

	@Test
	void environmentNamesBindToBothSettings() {
		// KHIEN_UPLOADS_QUOTAPERAGENCY and KHIEN_UPLOADS_RETENTION, as relaxed binding
		// reads them
		KhienSettings.Uploads uploads = bind(
				Map.of("khien.uploads.quotaperagency", "200MB", "khien.uploads.retention", "90d"))
			.uploads();
		assertThat(uploads.quotaPerAgency()).isEqualTo(DataSize.ofMegabytes(200));
		assertThat(uploads.retention()).isEqualTo(Duration.ofDays(90));
	}

	@Test
	void aNumberAloneIsMegabytesForTheQuotaAndDaysForTheRetention() {
		KhienSettings.Uploads uploads = bind(
				Map.of("khien.uploads.quota-per-agency", "500", "khien.uploads.retention", "30"))
			.uploads();
		assertThat(uploads.quotaPerAgency()).isEqualTo(DataSize.ofMegabytes(500));
		assertThat(uploads.retention()).isEqualTo(Duration.ofDays(30));
	}

	@ParameterizedTest
	@CsvSource({ "quota-per-agency, lots", "quota-per-agency, 5 gigs", "quota-per-agency, -1GB", "quota-per-agency, 0B",
			"retention, forever", "retention, 1y", "retention, -1d", "retention, 0d", "retention, 12h" })
	void invalidValueFailsAtStartUp(String setting, String value) {
		assertThatThrownBy(() -> bind(Map.of("khien.uploads." + setting, value))).isInstanceOf(BindException.class)
			.hasMessageContaining("khien.uploads");
	}

}
