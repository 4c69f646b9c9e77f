package vn.khien.inspection.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.inspection.InspectionManagement;
import vn.khien.inspection.InspectionPlan;
import vn.khien.inspection.InspectionPlans;
import vn.khien.inspection.InspectionRound;
import vn.khien.inspection.InspectionRounds;
import vn.khien.inspection.PlanKind;
import vn.khien.inspection.PlanStatus;
import vn.khien.inspection.RoundStatus;
import vn.khien.inspection.web.InspectionPayloads.ActionForm;
import vn.khien.inspection.web.InspectionPayloads.ActionView;
import vn.khien.inspection.web.InspectionPayloads.CoverageView;
import vn.khien.inspection.web.InspectionPayloads.FindingForm;
import vn.khien.inspection.web.InspectionPayloads.FindingView;
import vn.khien.inspection.web.InspectionPayloads.PlanForm;
import vn.khien.inspection.web.InspectionPayloads.PlanView;
import vn.khien.inspection.web.InspectionPayloads.RoundDetail;
import vn.khien.inspection.web.InspectionPayloads.RoundForm;
import vn.khien.inspection.web.InspectionPayloads.RoundView;
import vn.khien.inspection.web.InspectionPayloads.TargetForm;
import vn.khien.inspection.web.InspectionPayloads.TargetView;
import vn.khien.inspection.web.InspectionPayloads.TransitionForm;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** Inspection plans, their targets and coverage, rounds and their findings. */
@RestController
@Tag(name = "inspections")
class InspectionApi {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'RESPONDER', "
			+ "'AGENCY_OFFICER')";

	static final String MANAGERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE')";

	private final InspectionPlans plans;

	private final InspectionRounds rounds;

	private final InspectionManagement management;

	private final AgencyDirectory directory;

	InspectionApi(InspectionPlans plans, InspectionRounds rounds, InspectionManagement management,
			AgencyDirectory directory) {
		this.plans = plans;
		this.rounds = rounds;
		this.management = management;
		this.directory = directory;
	}

	@Operation(operationId = "listInspectionPlans", summary = "List inspection plans", description = """
			The inspection plans, the newest year first. Province-wide roles see every plan; an agency officer \
			sees the plans that target an agency in their scope. The total is counted up to 10,000 \
			(`totalCapped`).
			""")
	@Parameter(name = "year", description = "Only the plans of this year (`2026`).")
	@Parameter(name = "status", description = "`draft`, `approved`, `in_progress` or `closed`.")
	@Parameter(name = "kind", description = "`periodic` (the year's plan) or `ad_hoc`.")
	@Parameter(name = "agency", description = "Only the plans that target this agency (an id).")
	@Parameter(name = "sort", description = "`year` (the default is `-year`, the newest first).")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/inspection-plans")
	PageResult<PlanView> list(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Long agency, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var result = plans.list(filter(year, status, kind, agency), PageQuery.of(page, size, sort));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(p -> ids.add(p.inspectingAgencyId()));
		Map<Long, String> labels = directory.labels(ids);
		return result.map(p -> PlanView.from(p, labels));
	}

	static InspectionPlans.Filter filter(@Nullable Integer year, @Nullable String status, @Nullable String kind,
			@Nullable Long agency) {
		return new InspectionPlans.Filter(year,
				status == null || status.isBlank() ? null : PlanStatus.of(status, "status"),
				kind == null || kind.isBlank() ? null : PlanKind.of(kind, "kind"), agency);
	}

	@Operation(operationId = "createInspectionPlan", summary = "Create an inspection plan", description = """
			A plan of one year, `periodic` or `ad_hoc`, by an inspecting body (an agency's id: the provincial \
			police, the operator's department), with its target agencies and their planned dates, which lie in \
			the plan's year (`plannedTo` defaults to `plannedFrom`). It starts as a draft; targets can be added \
			while it is one. Province roles only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "periodic", summary = "The police's plan of 2026", value = """
							{"year": 2026, "kind": "periodic", "title": "Kiểm tra ATTT định kỳ năm 2026",
							 "inspectingAgencyId": 12,
							 "targets": [{"agencyId": 31, "plannedFrom": "2026-03-02", "plannedTo": "2026-03-06"}]}
							"""))))
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-plans")
	@ResponseStatus(HttpStatus.CREATED)
	PlanView create(@RequestBody PlanForm form) {
		return view(management.createPlan(form.toNew()));
	}

	@Operation(operationId = "getInspectionPlan", summary = "Read an inspection plan", description = """
			One plan. A plan that targets no agency in an officer's scope is a 404, like one that does not \
			exist. Its targets are `GET /api/v1/inspection-plans/{id}/targets`, its coverage \
			`GET /api/v1/inspection-plans/{id}/coverage`.
			""")
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/inspection-plans/{id}")
	PlanView get(@PathVariable long id) {
		return view(plans.get(id));
	}

	@Operation(operationId = "listInspectionTargets", summary = "List a plan's target agencies", description = """
			The plan's target agencies in the caller's scope, by planned date, each with its rounds in this \
			plan and `inspected`: whether a completed round (of any plan of the year) has inspected it.
			""")
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/inspection-plans/{id}/targets")
	PageResult<TargetView> targets(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var result = plans.targets(id, PageQuery.of(page, size, null));
		Set<Long> ids = new HashSet<>();
		result.items().forEach(t -> ids.add(t.target().agencyId()));
		Map<Long, String> labels = directory.labels(ids);
		return result.map(t -> TargetView.from(t, labels));
	}

	@Operation(operationId = "addInspectionTarget", summary = "Add a target agency to a draft plan", description = """
			Adds an active agency with its planned dates (in the plan's year) to a plan that is still a \
			draft; an approved plan is a decision and takes no more (409). Province roles only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "target", summary = "The health department in April", value = """
							{"agencyId": 31, "plannedFrom": "2026-04-06", "plannedTo": "2026-04-10"}
							"""))))
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-plans/{id}/targets")
	@ResponseStatus(HttpStatus.CREATED)
	TargetForm addTarget(@PathVariable long id, @RequestBody TargetForm form) {
		var t = management.addTarget(id, form.toNew());
		return new TargetForm(t.agencyId(), t.plannedFrom(), t.plannedTo());
	}

	@Operation(operationId = "transitionInspectionPlan", summary = "Change a plan's status", description = """
			`approved` (from a draft with at least one target), `in_progress` (from approved; starting a \
			round does it too), `closed` (from in progress, once every round is completed). Any other move is \
			a 409 and changes nothing. Province roles only.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "approve", summary = "Approve the plan", value = """
					{"to": "approved"}
					"""))))
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-plans/{id}/transitions")
	PlanView transitionPlan(@PathVariable long id, @RequestBody TransitionForm form) {
		return view(management.movePlan(id, PlanStatus.of(form.to())));
	}

	@Operation(operationId = "inspectionPlanCoverage", summary = "Which agencies are not yet covered this year",
			description = """
					For the plan's year: `notInspected`, the plan's target agencies (in the caller's scope) that no \
					completed round of any plan of the year has inspected yet, by planned date; and `untargeted`, a \
					page of the active agencies of the province (in the caller's scope) that no plan of the year \
					targets, by code, so that covering every agency in the year can be seen. `targets` and \
					`inspected` count the plan's targets in scope. Read from the coverage kept with every change.
					""")
	@Parameter(name = "id", description = "The plan's id.")
	@Parameter(name = "page", description = "The page of `untargeted`, from 0.")
	@Parameter(name = "size", description = "How many agencies a page of `untargeted` holds, 1 to 500.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/inspection-plans/{id}/coverage")
	CoverageView coverage(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return CoverageView.from(id, plans.coverage(id, PageQuery.of(page, size, null)), directory);
	}

	@Operation(operationId = "createInspectionRound", summary = "Plan a round at a target agency", description = """
			A round (đợt kiểm tra) of an approved or running plan at one of its target agencies, with its \
			dates (in the plan's year) and its inspectors (names or user names, as written). It starts \
			`planned`. Province roles only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "round", summary = "Three days at the department", value = """
							{"agencyId": 31, "startsOn": "2026-04-06", "endsOn": "2026-04-08",
							 "inspectors": "Đại úy Nguyễn Văn An (PA05), police"}
							"""))))
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-plans/{id}/rounds")
	@ResponseStatus(HttpStatus.CREATED)
	RoundView createRound(@PathVariable long id, @RequestBody RoundForm form) {
		return roundView(management.createRound(id, form.toNew()));
	}

	@Operation(operationId = "getInspectionRound", summary = "Read a round with its findings", description = """
			One round with its findings, each with its corrective actions and their history (reports, \
			evidence files, verifications), newest first. A round of an agency outside the caller's scope is \
			a 404, like one that does not exist.
			""")
	@Parameter(name = "id", description = "The round's id.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/inspection-rounds/{id}")
	RoundDetail round(@PathVariable long id) {
		InspectionRound round = rounds.get(id);
		return new RoundDetail(roundView(round), rounds.findings(id).stream().map(FindingView::from).toList());
	}

	@Operation(operationId = "transitionInspectionRound", summary = "Start or complete a round", description = """
			`in_progress` (from planned; an approved plan goes under way with it), then `completed` (from in \
			progress), which counts the agency as inspected in the plan's year. Any other move is a 409 and \
			changes nothing. Province roles only.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "start", summary = "Start the round", value = """
					{"to": "in_progress"}
					"""))))
	@Parameter(name = "id", description = "The round's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-rounds/{id}/transitions")
	RoundView transitionRound(@PathVariable long id, @RequestBody TransitionForm form) {
		return roundView(management.moveRound(id, RoundStatus.of(form.to())));
	}

	@Operation(operationId = "recordInspectionFinding", summary = "Record a finding of a round", description = """
			What a round in progress found: `kind` `violation`, `shortcoming` or `vulnerability`, a title, a \
			description, a `severity` (`critical`, `high`, `medium`, `low`, `info`), optionally the \
			information system concerned (an id of a system of the round's agency) and, for a vulnerability, \
			the ids of findings of the vulnerability module at that agency (`vulnerabilityFindingIds`, at \
			most 50). Province roles only.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "vulnerability", summary = "An unpatched portal", value = """
							{"kind": "vulnerability", "title": "Cổng thông tin chưa vá lỗ hổng Log4Shell",
							 "severity": "critical", "systemId": 7, "vulnerabilityFindingIds": [1201]}
							"""))))
	@Parameter(name = "id", description = "The round's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-rounds/{id}/findings")
	@ResponseStatus(HttpStatus.CREATED)
	FindingView addFinding(@PathVariable long id, @RequestBody FindingForm form) {
		return FindingView.from(management.addFinding(id, form.toNew()), java.util.List.of());
	}

	@Operation(operationId = "createCorrectiveAction", summary = "Give a finding a corrective action", description = """
			What the agency must do about the finding, who answers for it there (`owner`, as written) and \
			by when (`dueOn`, from the round's start to three years on). It starts `open`; past its \
			deadline and not verified it is overdue. Province roles only.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "patch", summary = "Patch within a month", value = """
					{"title": "Cập nhật bản vá Log4j 2.17 cho cổng thông tin", "owner": "Phòng CNTT",
					 "dueOn": "2026-05-08"}
					"""))))
	@Parameter(name = "id", description = "The inspection finding's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/inspection-findings/{id}/actions")
	@ResponseStatus(HttpStatus.CREATED)
	ActionView addAction(@PathVariable long id, @RequestBody ActionForm form) {
		return ActionView.from(management.addAction(id, form.toNew()), null);
	}

	private PlanView view(InspectionPlan plan) {
		return PlanView.from(plan, directory.labels(Set.of(plan.inspectingAgencyId())));
	}

	private RoundView roundView(InspectionRound round) {
		return RoundView.from(round, directory.label(round.agencyId()).orElse(null));
	}

	static void requireText(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "inspection.field.required", field);
		}
	}

}
