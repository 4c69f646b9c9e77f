package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The forms' date line as Decree 30/2020/NĐ-CP writes it: a day below 10 and the months
 * January and February with a leading zero, the year ungrouped, the place set or dots.
 */
class IncidentDocumentsDateLineTests {

	static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("i18n/incident-documents");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	@Test
	void aSetPlaceStandsBeforeTheDate() {
		assertThat(IncidentDocuments.dateLine(MESSAGES, new IncidentDocumentsSettings(" Quảng Nam "),
				LocalDate.of(2026, 2, 5)))
			.isEqualTo("Quảng Nam, ngày 05 tháng 02 năm 2026");
	}

	@Test
	void withoutAPlaceItIsLeftToWriteByHand() {
		assertThat(
				IncidentDocuments.dateLine(MESSAGES, new IncidentDocumentsSettings(null), LocalDate.of(2026, 12, 10)))
			.isEqualTo("……, ngày 10 tháng 12 năm 2026");
		assertThat(IncidentDocuments.dateLine(MESSAGES, new IncidentDocumentsSettings(" "), LocalDate.of(2026, 3, 9)))
			.isEqualTo("……, ngày 09 tháng 3 năm 2026");
	}

}
