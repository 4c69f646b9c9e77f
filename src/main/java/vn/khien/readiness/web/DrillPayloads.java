package vn.khien.readiness.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.readiness.Drill;
import vn.khien.readiness.DrillAction;
import vn.khien.readiness.DrillCoverage;
import vn.khien.readiness.DrillRun;

/** What the drills' API answers, in its words ({@code live_fire}, {@code open}). */
final class DrillPayloads {

	private DrillPayloads() {
	}

	record TargetView(long systemId, @Nullable String databaseName, long agencyId) {
	}

	record ParticipantView(long agencyId, @Nullable String agencyName, @Nullable String personName,
			@Nullable String role) {
	}

	record DrillView(long id, long agencyId, @Nullable String agencyName, String kind, String title,
			@Nullable String scenario, LocalDate scheduledOn, String status, List<TargetView> targets,
			List<ParticipantView> participants, String createdBy, Instant createdAt) {

		static DrillView from(Drill d, Map<Long, String> labels) {
			return new DrillView(d.id(), d.agencyId(), labels.get(d.agencyId()), d.kind().code(), d.title(),
					d.scenario(), d.scheduledOn(), d.status().code(),
					d.targets()
						.stream()
						.map(t -> new TargetView(t.systemId(), t.databaseName(), t.agencyId()))
						.toList(),
					d.participants()
						.stream()
						.map(p -> new ParticipantView(p.agencyId(), labels.get(p.agencyId()), p.personName(), p.role()))
						.toList(),
					d.createdBy(), d.createdAt());
		}

	}

	record WeaknessView(long id, String category, String severity, String description) {
	}

	record RunView(long id, long drillId, LocalDate heldOn, @Nullable String timeline, boolean prevented,
			@Nullable Integer minutesToDetect, @Nullable Integer minutesToRespond, List<WeaknessView> weaknesses,
			List<ActionView> actions, String createdBy, Instant createdAt) {

		static RunView from(DrillRun r, List<DrillAction> actions) {
			List<Long> weaknessIds = r.weaknesses().stream().map(DrillRun.Weakness::id).toList();
			return new RunView(r.id(), r.drillId(), r.heldOn(), r.timeline(), r.prevented(), r.minutesToDetect(),
					r.minutesToRespond(),
					r.weaknesses()
						.stream()
						.map(w -> new WeaknessView(w.id(), w.category().code(), w.severity(), w.description()))
						.toList(),
					actions.stream().filter(a -> weaknessIds.contains(a.weaknessId())).map(ActionView::from).toList(),
					r.createdBy(), r.createdAt());
		}

	}

	record ActionView(long id, long drillId, long weaknessId, String category, String severity, String description,
			long agencyId, String ownerName, LocalDate dueOn, String status, String statusBy, Instant statusAt,
			@Nullable String statusNote) {

		static ActionView from(DrillAction a) {
			return new ActionView(a.id(), a.drillId(), a.weaknessId(), a.category().code(), a.severity(),
					a.description(), a.agencyId(), a.ownerName(), a.dueOn(), a.status().code(), a.statusBy(),
					a.statusAt(), a.statusNote());
		}

	}

	record DrillDetail(DrillView drill, List<RunView> runs) {
	}

	record NoteForm(@Nullable String note) {
	}

	record CoverageLine(long systemId, String code, String name, long agencyId, int level, String obligationId,
			String obligation, LocalDate periodFrom, @Nullable LocalDate lastLiveOn, String state) {

		static CoverageLine from(DrillCoverage.Line l) {
			return new CoverageLine(l.systemId(), l.code(), l.name(), l.agencyId(), l.level(), l.obligationId(),
					l.obligation(), l.periodFrom(), l.lastLiveOn(), l.met() ? "met" : "overdue");
		}

	}

}
