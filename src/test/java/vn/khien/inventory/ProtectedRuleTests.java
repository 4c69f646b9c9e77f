package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.khien.inventory.Coverage.Reason;

class ProtectedRuleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	@Test
	void signaturesExactlyMaxAgeOldStillCountAsProtected() {
		assertThat(Coverage.reason(true, "Bkav", true, TODAY.minusDays(7), TODAY, 7)).isNull();
	}

	@Test
	void signaturesOneDayOlderThanMaxAgeAreOutdated() {
		assertThat(Coverage.reason(true, "Bkav", true, TODAY.minusDays(8), TODAY, 7))
			.isEqualTo(Reason.OUTDATED_SIGNATURES);
		assertThat(Coverage.reason(true, "Bkav", true, null, TODAY, 7)).isEqualTo(Reason.OUTDATED_SIGNATURES);
	}

	@Test
	void productMustBePresentAndRunning() {
		assertThat(Coverage.reason(true, null, true, TODAY, TODAY, 7)).isEqualTo(Reason.NO_PRODUCT);
		assertThat(Coverage.reason(true, " ", true, TODAY, TODAY, 7)).isEqualTo(Reason.NO_PRODUCT);
		assertThat(Coverage.reason(true, "Bkav", false, TODAY, TODAY, 7)).isEqualTo(Reason.NOT_RUNNING);
		assertThat(Coverage.reason(true, "Bkav", null, TODAY, TODAY, 7)).isEqualTo(Reason.NOT_RUNNING);
	}

	@Test
	void hostThatNeverReportedIsUnprotected() {
		assertThat(Coverage.reason(false, null, null, null, TODAY, 7)).isEqualTo(Reason.NEVER_CHECKED_IN);
	}

}
