package vn.khien.registry.web;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.platform.InvalidInputException;
import vn.khien.registry.FocalPoint;
import vn.khien.registry.FocalPointDuty;
import vn.khien.registry.FocalPointHistoryEntry;

/** What the focal-point API and form accept and answer. */
final class FocalPointPayloads {

	static final String PHONE = "[0-9 +().-]*";

	private FocalPointPayloads() {
	}

	record FocalPointView(long id, long agencyId, String agencyCode, String agencyName, FocalPointDuty duty,
			String name, @Nullable String title, @Nullable String phone, @Nullable String email,
			@Nullable String outOfHours, boolean primary, LocalDate confirmedOn) {

		static FocalPointView from(FocalPoint f) {
			return new FocalPointView(f.id(), f.agencyId(), f.agencyCode(), f.agencyName(), f.duty(), f.name(),
					f.title(), f.phone(), f.email(), f.outOfHours(), f.primary(), f.confirmedOn());
		}
	}

	/**
	 * The focal-point form, also the JSON body of create (with agencyId) and update
	 * (agency stays).
	 */
	record FocalPointForm(@Nullable Long agencyId, @NotNull FocalPointDuty duty, @NotBlank @Size(max = 255) String name,
			@Nullable @Size(max = 255) String title, @Nullable @Size(max = 30) @Pattern(regexp = PHONE) String phone,
			@Nullable @Size(max = 255) @Email String email, @Nullable @Size(max = 255) String outOfHours,
			@Nullable Boolean primary) {

		static FocalPointForm empty(long agencyId) {
			return new FocalPointForm(agencyId, FocalPointDuty.MONITORING, "", null, null, null, null, false);
		}

		static FocalPointForm from(FocalPoint f) {
			return new FocalPointForm(f.agencyId(), f.duty(), f.name(), f.title(), f.phone(), f.email(), f.outOfHours(),
					f.primary());
		}

		FocalPoint.Details details(@Nullable Long agency) {
			Long target = agency != null ? agency : agencyId;
			if (target == null) {
				throw new InvalidInputException("agencyId", "focalPoint.agency.required");
			}
			return new FocalPoint.Details(target, duty, name, title, phone, email, outOfHours,
					Boolean.TRUE.equals(primary));
		}
	}

	record HistoryView(long id, @Nullable Long focalPointId, Instant changedAt, String changedBy, String action,
			@Nullable String before, @Nullable String after) {

		static HistoryView from(FocalPointHistoryEntry e) {
			return new HistoryView(e.id(), e.focalPointId(), e.changedAt(), e.changedBy(), e.action(), e.before(),
					e.after());
		}
	}

}
