package vn.khien.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.khien.platform.importing.ImportProblem;

class AssetKindTest {

	@Test
	void englishNamesInAnyCase() {
		assertThat(AssetKind.parse("server")).isEqualTo(AssetKind.SERVER);
		assertThat(AssetKind.parse(" Network_Device ")).isEqualTo(AssetKind.NETWORK_DEVICE);
		assertThat(AssetKind.parse("web-portal")).isEqualTo(AssetKind.WEB_PORTAL);
	}

	@Test
	void vietnameseWordsWithOrWithoutDiacritics() {
		assertThat(AssetKind.parse("Máy chủ")).isEqualTo(AssetKind.SERVER);
		assertThat(AssetKind.parse("may tram")).isEqualTo(AssetKind.WORKSTATION);
		assertThat(AssetKind.parse("Máy tính xách tay")).isEqualTo(AssetKind.LAPTOP);
		assertThat(AssetKind.parse("THIẾT BỊ MẠNG")).isEqualTo(AssetKind.NETWORK_DEVICE);
		assertThat(AssetKind.parse("IoT")).isEqualTo(AssetKind.SMART_DEVICE);
		assertThat(AssetKind.parse("thiết bị thông minh")).isEqualTo(AssetKind.SMART_DEVICE);
		assertThat(AssetKind.parse("Cổng thông tin")).isEqualTo(AssetKind.WEB_PORTAL);
		assertThat(AssetKind.parse("trang thông tin điện tử")).isEqualTo(AssetKind.WEB_PORTAL);
		// decomposed (NFD) input, as typed on some macOS keyboards
		assertThat(AssetKind.parse("ma\u0301y chu\u0309")).isEqualTo(AssetKind.SERVER);
	}

	@Test
	void unknownKindIsAnImportProblem() {
		assertThatThrownBy(() -> AssetKind.parse("máy in")).isInstanceOfSatisfying(ImportProblem.class, p -> {
			assertThat(p.messageKey()).isEqualTo("import.row.invalidKind");
			assertThat(p.args()).containsExactly("máy in");
		});
	}

}
