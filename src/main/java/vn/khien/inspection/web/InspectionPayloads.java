package vn.khien.inspection.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.khien.inspection.CorrectiveAction;
import vn.khien.inspection.InspectionFinding;
import vn.khien.inspection.InspectionManagement;
import vn.khien.inspection.InspectionPlan;
import vn.khien.inspection.InspectionPlans;
import vn.khien.inspection.InspectionRound;
import vn.khien.inspection.InspectionRounds;
import vn.khien.inspection.PlanTarget;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.Formats;

/** What the inspection API takes and answers. */
final class InspectionPayloads {

	private InspectionPayloads() {
	}

	static LocalDate today() {
		return LocalDate.now(Formats.ZONE);
	}

	// --- bodies

	record PlanForm(@Nullable Integer year, @Nullable String kind, @Nullable String title,
			@Nullable Long inspectingAgencyId, @Nullable List<TargetForm> targets) {

		InspectionManagement.NewPlan toNew() {
			return new InspectionManagement.NewPlan(year, kind, title, inspectingAgencyId,
					targets == null ? null : targets.stream().map(t -> t == null ? null : t.toNew()).toList());
		}
	}

	record TargetForm(@Nullable Long agencyId, @Nullable LocalDate plannedFrom, @Nullable LocalDate plannedTo) {

		InspectionManagement.NewTarget toNew() {
			return new InspectionManagement.NewTarget(agencyId, plannedFrom, plannedTo);
		}
	}

	record TransitionForm(@Nullable String to, @Nullable String note) {
	}

	record RoundForm(@Nullable Long agencyId, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String inspectors) {

		InspectionManagement.NewRound toNew() {
			return new InspectionManagement.NewRound(agencyId, startsOn, endsOn, inspectors);
		}
	}

	record FindingForm(@Nullable String kind, @Nullable String title, @Nullable String description,
			@Nullable String severity, @Nullable Long systemId, @Nullable List<Long> vulnerabilityFindingIds) {

		InspectionManagement.NewFinding toNew() {
			return new InspectionManagement.NewFinding(kind, title, description, severity, systemId,
					vulnerabilityFindingIds);
		}
	}

	record ActionForm(@Nullable String title, @Nullable String owner, @Nullable LocalDate dueOn) {

		InspectionManagement.NewAction toNew() {
			return new InspectionManagement.NewAction(title, owner, dueOn);
		}
	}

	// --- answers

	record PlanView(long id, int year, String kind, String title, long inspectingAgencyId,
			@Nullable String inspectingAgency, String status, String createdBy, Instant createdAt, Instant statusAt) {

		static PlanView from(InspectionPlan p, Map<Long, String> labels) {
			return new PlanView(p.id(), p.year(), p.kind().code(), p.title(), p.inspectingAgencyId(),
					labels.get(p.inspectingAgencyId()), p.status().code(), p.createdBy(), p.createdAt(), p.statusAt());
		}
	}

	record RoundSummary(long id, String status, LocalDate startsOn, LocalDate endsOn) {

		static RoundSummary from(InspectionRound r) {
			return new RoundSummary(r.id(), r.status().code(), r.startsOn(), r.endsOn());
		}
	}

	/**
	 * A target of a plan: its dates, its rounds in the plan, whether its year is covered.
	 */
	record TargetView(long agencyId, @Nullable String agency, LocalDate plannedFrom, LocalDate plannedTo,
			boolean inspected, List<RoundSummary> rounds) {

		static TargetView from(InspectionPlans.TargetLine line, Map<Long, String> labels) {
			PlanTarget t = line.target();
			return new TargetView(t.agencyId(), labels.get(t.agencyId()), t.plannedFrom(), t.plannedTo(),
					line.inspected(), line.rounds().stream().map(RoundSummary::from).toList());
		}
	}

	record TargetRef(long agencyId, @Nullable String agency, LocalDate plannedFrom, LocalDate plannedTo) {

		static TargetRef from(PlanTarget t, Map<Long, String> labels) {
			return new TargetRef(t.agencyId(), labels.get(t.agencyId()), t.plannedFrom(), t.plannedTo());
		}
	}

	record AgencyRef(long agencyId, String code, String name) {

		static AgencyRef from(InspectionPlans.Untargeted u) {
			return new AgencyRef(u.agencyId(), u.code(), u.name());
		}
	}

	record CoverageView(long planId, int year, long targets, long inspected, List<TargetRef> notInspected,
			vn.khien.platform.PageResult<AgencyRef> untargeted) {

		static CoverageView from(long planId, InspectionPlans.Coverage c, AgencyDirectory directory) {
			Set<Long> ids = new HashSet<>();
			c.notInspected().forEach(t -> ids.add(t.agencyId()));
			Map<Long, String> labels = directory.labels(ids);
			return new CoverageView(planId, c.year(), c.targets(), c.inspected(),
					c.notInspected().stream().map(t -> TargetRef.from(t, labels)).toList(),
					c.untargeted().map(AgencyRef::from));
		}
	}

	record RoundView(long id, long planId, long agencyId, @Nullable String agency, int year, LocalDate startsOn,
			LocalDate endsOn, String inspectors, String status, String createdBy, Instant createdAt, Instant statusAt) {

		static RoundView from(InspectionRound r, @Nullable String agency) {
			return new RoundView(r.id(), r.planId(), r.agencyId(), agency, r.planYear(), r.startsOn(), r.endsOn(),
					r.inspectors(), r.status().code(), r.createdBy(), r.createdAt(), r.statusAt());
		}
	}

	record EventView(Instant at, String actor, String from, String to, @Nullable String note, @Nullable Long fileId,
			@Nullable String filename) {

		static EventView from(CorrectiveAction.Event e) {
			return new EventView(e.at(), e.actor(), e.from().code(), e.to().code(), e.note(), e.fileId(), e.filename());
		}
	}

	record ActionView(long id, long findingId, long roundId, long agencyId, String title, String owner, LocalDate dueOn,
			String status, boolean overdue, Instant statusAt, @Nullable List<EventView> history) {

		static ActionView from(CorrectiveAction a, @Nullable List<CorrectiveAction.Event> history) {
			return new ActionView(a.id(), a.findingId(), a.roundId(), a.agencyId(), a.title(), a.owner(), a.dueOn(),
					a.status().code(), a.overdue(today()), a.statusAt(),
					history == null ? null : history.stream().map(EventView::from).toList());
		}
	}

	record FindingView(long id, long roundId, long agencyId, String kind, String title, @Nullable String description,
			String severity, @Nullable Long systemId, List<Long> vulnerabilityFindingIds, String createdBy,
			Instant createdAt, List<ActionView> actions) {

		static FindingView from(InspectionFinding f, List<ActionView> actions) {
			return new FindingView(f.id(), f.roundId(), f.agencyId(), f.kind().code(), f.title(), f.description(),
					f.severity().code(), f.systemId(), f.vulnerabilityFindingIds(), f.createdBy(), f.createdAt(),
					actions);
		}

		static FindingView from(InspectionRounds.FindingLine line) {
			return from(line.finding(),
					line.actions().stream().map(a -> ActionView.from(a.action(), a.history())).toList());
		}
	}

	record RoundDetail(RoundView round, List<FindingView> findings) {
	}

}
