package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTests {

	@Test
	void foldsDiacriticsAndCase() {
		assertThat(VietnameseText.fold("Sở Y tế ĐỒNG THÁP")).isEqualTo("so y te dong thap");
	}

	@Test
	void escapesLikeWildcards() {
		assertThat(VietnameseText.containsPattern(" 50%_x ")).isEqualTo("%50\\%\\_x%");
	}

}
