package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.khien.platform.InvalidInputException;

class RegistrationCampaignStateTests {

	@Test
	void statesAreReadInAnyCaseAndBlankMeansAll() {
		assertThat(RegistrationCampaignState.parse("Overdue")).isEqualTo(RegistrationCampaignState.OVERDUE);
		assertThat(RegistrationCampaignState.parse(" registered ")).isEqualTo(RegistrationCampaignState.REGISTERED);
		assertThat(RegistrationCampaignState.parse("")).isNull();
		assertThat(RegistrationCampaignState.parse(null)).isNull();
	}

	@Test
	void unknownStateNamesTheStateField() {
		assertThatThrownBy(() -> RegistrationCampaignState.parse("late")).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).field()).isEqualTo("state"));
	}

	@Test
	void deadlinePassesTheDayAfterTheDeadline() {
		var campaign = new RegistrationCampaign(1, "x", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Set.of(),
				"op");
		assertThat(campaign.deadlinePassed(LocalDate.of(2026, 3, 31))).isFalse();
		assertThat(campaign.deadlinePassed(LocalDate.of(2026, 4, 1))).isTrue();
	}

}
