package vn.khien.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.Reorganisations;
import vn.khien.registry.Reorganisations.Reorganisation;

/** JSON bodies and answers of the reorganisation API. */
final class ReorgPayloads {

	private ReorgPayloads() {
	}

	record NewAgencyRequest(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]*") String code,
			@NotBlank @Size(max = 255) String name, @NotNull AgencyKind kind, @Nullable Long parentId) {

		Reorganisations.NewAgency toNewAgency() {
			return new Reorganisations.NewAgency(code, name, kind, parentId);
		}
	}

	/** {@code effectiveDate} as text so a garbled date gets its own clear message. */
	record MergeRequest(@NotEmpty @Size(max = 200) List<@NotNull Long> sourceIds, @Nullable Long successorId,
			@Nullable @Valid NewAgencyRequest newSuccessor, @Nullable @Size(max = 20) String effectiveDate,
			@Nullable @Size(max = Reorganisations.MAX_NOTE) String note) {

		Reorganisations.Merge toMerge() {
			return new Reorganisations.Merge(sourceIds, successorId,
					newSuccessor == null ? null : newSuccessor.toNewAgency(), Reorganisations.parseDate(effectiveDate),
					note);
		}
	}

	record TargetRequest(@Nullable Long agencyId, @Nullable @Valid NewAgencyRequest create) {
	}

	record SplitRequest(@NotNull Long sourceId, @NotEmpty @Size(max = 50) List<@NotNull @Valid TargetRequest> targets,
			@Nullable Integer recordsTo, @Nullable @Size(max = 20) String effectiveDate,
			@Nullable @Size(max = Reorganisations.MAX_NOTE) String note) {

		Reorganisations.Split toSplit() {
			return new Reorganisations.Split(sourceId,
					targets.stream()
						.map(t -> new Reorganisations.Target(t.agencyId(),
								t.create() == null ? null : t.create().toNewAgency()))
						.toList(),
					recordsTo == null ? 0 : recordsTo, Reorganisations.parseDate(effectiveDate), note);
		}
	}

	record PartView(long agencyId, String code, String name, String status, String role, boolean takesRecords) {
	}

	/**
	 * {@code leftBehind}: by kind of record ({@code assets}), how many stayed with the
	 * sources.
	 */
	record ReorganisationView(long id, String kind, LocalDate effectiveDate, @Nullable String note, String createdBy,
			Instant createdAt, List<PartView> sources, List<PartView> targets, Map<String, Long> leftBehind) {

		static ReorganisationView from(Reorganisation r) {
			return new ReorganisationView(r.id(), r.kind().name(), r.effectiveDate(), r.note(), r.createdBy(),
					r.createdAt(), r.sources().stream().map(ReorgPayloads::part).toList(),
					r.targets().stream().map(ReorgPayloads::part).toList(), r.leftBehind());
		}
	}

	private static PartView part(Reorganisations.Part p) {
		return new PartView(p.agencyId(), p.code(), p.name(), p.status().name(), p.role().name(), p.takesRecords());
	}

}
