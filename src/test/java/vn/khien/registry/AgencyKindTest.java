package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyKindTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "PROVINCIAL_BODY|PROVINCIAL_BODY", "public service unit|PUBLIC_SERVICE_UNIT",
					"State-Enterprise|STATE_ENTERPRISE", "  district |DISTRICT", "Cơ quan cấp tỉnh|PROVINCIAL_BODY",
					"cơ quan tỉnh|PROVINCIAL_BODY", "Sở|DEPARTMENT", "sở, ban, ngành|DEPARTMENT", "Ban|DEPARTMENT",
					"ngành|DEPARTMENT", "Huyện|DISTRICT", "quận|DISTRICT", "Thị xã|DISTRICT",
					"thành phố thuộc tỉnh|DISTRICT", "cấp huyện|DISTRICT", "Xã|COMMUNE", "PHƯỜNG|COMMUNE",
					"thị trấn|COMMUNE", "Đặc khu|COMMUNE", "cấp xã|COMMUNE", "Đơn vị sự nghiệp|PUBLIC_SERVICE_UNIT",
					"doanh nghiệp nhà nước|STATE_ENTERPRISE", "Khác|OTHER" })
	void parsesNamesAndVietnameseLabels(String text, AgencyKind expected) {
		assertThat(AgencyKind.parse(text)).isEqualTo(expected);
	}

	@Test
	void parsesDecomposedUnicode() {
		String nfd = Normalizer.normalize("Đơn vị sự nghiệp", Normalizer.Form.NFD);
		assertThat(AgencyKind.parse(nfd)).isEqualTo(AgencyKind.PUBLIC_SERVICE_UNIT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "bộ", "so", "PROVINCIAL", "xa" })
	void rejectsUnknown(String text) {
		assertThatThrownBy(() -> AgencyKind.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsNull() {
		assertThatThrownBy(() -> AgencyKind.parse(null)).isInstanceOf(IllegalArgumentException.class);
	}

}
