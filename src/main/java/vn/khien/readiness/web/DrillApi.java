package vn.khien.readiness.web;

import java.util.HashSet;
import java.util.List;
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
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.readiness.Drill;
import vn.khien.readiness.DrillAction;
import vn.khien.readiness.DrillActionStatus;
import vn.khien.readiness.DrillCoverage;
import vn.khien.readiness.DrillKind;
import vn.khien.readiness.DrillManagement;
import vn.khien.readiness.DrillRun;
import vn.khien.readiness.DrillStatus;
import vn.khien.readiness.Drills;
import vn.khien.readiness.web.DrillPayloads.ActionView;
import vn.khien.readiness.web.DrillPayloads.CoverageLine;
import vn.khien.readiness.web.DrillPayloads.DrillDetail;
import vn.khien.readiness.web.DrillPayloads.DrillView;
import vn.khien.readiness.web.DrillPayloads.NoteForm;
import vn.khien.readiness.web.DrillPayloads.RunView;

/** Drills, their runs, the actions their weaknesses became, and drill coverage. */
@RestController
@Tag(name = "drills")
class DrillApi {

	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER')";

	static final String MANAGERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE')";

	static final String REPORTERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'AGENCY_OFFICER')";

	private final Drills drills;

	private final DrillManagement management;

	private final DrillCoverage coverage;

	private final AgencyDirectory directory;

	DrillApi(Drills drills, DrillManagement management, DrillCoverage coverage, AgencyDirectory directory) {
		this.drills = drills;
		this.management = management;
		this.coverage = coverage;
		this.directory = directory;
	}

	@Operation(operationId = "listDrills", summary = "List drills", description = """
			The drills, the latest scheduled first. Province-wide roles see every drill; an agency officer sees \
			the drills their agency or one below it organises, takes part in or targets. The total is counted \
			up to 10,000 (`totalCapped`).
			""")
	@Parameter(name = "agency", description = "Only drills this agency or one below it organises, joins or targets.")
	@Parameter(name = "kind", description = "`live_fire` or `tabletop`.")
	@Parameter(name = "year", description = "Only drills scheduled in this year (`2026`).")
	@Parameter(name = "status", description = "`planned`, `done` or `cancelled`.")
	@Parameter(name = "page", description = "The page, from 0.")
	@Parameter(name = "size", description = "How many drills a page holds, 1 to 500.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/drills")
	PageResult<DrillView> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var result = drills.list(filter(agency, kind, year, status), PageQuery.of(page, size, null));
		Map<Long, String> labels = labels(result.items());
		return result.map(d -> DrillView.from(d, labels));
	}

	static Drills.Filter filter(@Nullable Long agency, @Nullable String kind, @Nullable Integer year,
			@Nullable String status) {
		return new Drills.Filter(agency, kind == null || kind.isBlank() ? null : DrillKind.of(kind, "kind"), year,
				status == null || status.isBlank() ? null : DrillStatus.of(status, "status"));
	}

	@Operation(operationId = "createDrill", summary = "Plan a drill", description = """
			A `live_fire` or `tabletop` drill organised by an agency (`agencyId`), with its title, scenario \
			and scheduled day, the systems it attacks (`targets`: a system's id and optionally one of its \
			databases by name; a live-fire drill needs one) and the agencies and people taking part. Unknown or \
			retired systems, inactive agencies and missing fields are a 400 and nothing is written. Province \
			roles only.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = @ExampleObject(name = "live", summary = "A live-fire drill on the health portal", value = """
					{"agencyId": 12, "kind": "live_fire", "title": "Diễn tập thực chiến 2026",
					 "scenario": "Tấn công thay đổi giao diện cổng thông tin", "scheduledOn": "2026-10-15",
					 "targets": [{"systemId": 7}, {"systemId": 7, "databaseName": "portal_db"}],
					 "participants": [{"agencyId": 31, "personName": "Nguyễn Văn An", "role": "Quản trị hệ thống"}]}
					"""))))
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/drills")
	@ResponseStatus(HttpStatus.CREATED)
	DrillView create(@RequestBody DrillManagement.NewDrill form) {
		return view(management.create(form));
	}

	@Operation(operationId = "getDrill", summary = "Read a drill with its runs", description = """
			One drill with its targets, participants and runs, each run with its weaknesses and the actions \
			they became (an officer sees the actions their agency owns). A drill the caller may not see is a \
			404, like one that does not exist.
			""")
	@Parameter(name = "id", description = "The drill's id.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/drills/{id}")
	DrillDetail get(@PathVariable long id) {
		Drill drill = drills.get(id);
		List<DrillAction> actions = drills.actions(new Drills.ActionFilter(null, null, id), PageQuery.of(0, 500, null))
			.items();
		return new DrillDetail(view(drill), drills.runs(id).stream().map(r -> RunView.from(r, actions)).toList());
	}

	@Operation(operationId = "recordDrillRun", summary = "Record how a drill went", description = """
			A run of the drill: the day it was held (not in the future), its timeline, whether the attack was \
			`prevented`, the minutes to detect and to respond, and the `weaknesses` it exposed, each with a \
			`category` (`process`, `technology`, `people`), a `severity` (`critical`, `high`, `medium`, `low`, \
			`info`), a description and the action that remedies it: the owner agency, the person there and the \
			deadline (from the run's day to three years on). Each weakness becomes an `open` action. A \
			live-fire run counts for its target systems' drill obligation. Anything wrong is a 400 and nothing \
			is written. Province roles only.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = @ExampleObject(name = "run", summary = "Detected after 40 minutes, one weakness", value = """
					{"heldOn": "2026-10-15", "timeline": "08:00 bắt đầu; 08:40 phát hiện; 09:30 ngăn chặn",
					 "prevented": true, "minutesToDetect": 40, "minutesToRespond": 50,
					 "weaknesses": [{"category": "process", "severity": "high",
					   "description": "Chưa có quy trình báo cáo sự cố", "ownerAgencyId": 31,
					   "ownerName": "Phòng CNTT", "dueOn": "2026-12-31"}]}
					"""))))
	@Parameter(name = "id", description = "The drill's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/drills/{id}/runs")
	@ResponseStatus(HttpStatus.CREATED)
	RunView recordRun(@PathVariable long id, @RequestBody DrillManagement.NewRun form) {
		DrillRun run = management.recordRun(id, form);
		List<DrillAction> actions = drills.actions(new Drills.ActionFilter(null, null, id), PageQuery.of(0, 500, null))
			.items();
		return RunView.from(run, actions);
	}

	@Operation(operationId = "cancelDrill", summary = "Call off a planned drill", description = """
			A drill still `planned` is `cancelled`; one already held or cancelled is a 409. Province roles only.
			""")
	@Parameter(name = "id", description = "The drill's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/drills/{id}/cancel")
	DrillView cancel(@PathVariable long id) {
		return view(management.cancel(id));
	}

	@Operation(operationId = "drillCoverage", summary = "Which systems had the drills their level requires",
			description = """
					One line per system in use and drill obligation of the rule pack in force that covers its \
					approved level (for the agency's subtree, or the caller's whole scope): `met` when a live-fire \
					drill run targeting it was held in the obligation's period (this calendar year for a yearly \
					one), `overdue` otherwise. `state` `required` (the default) lists both.
					""")
	@Parameter(name = "agency", description = "The agency whose systems (and those below it) are listed.")
	@Parameter(name = "state", description = "`required`, `met` or `overdue`.")
	@Parameter(name = "page", description = "The page, from 0.")
	@Parameter(name = "size", description = "How many lines a page holds, 1 to 500.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/drills/coverage")
	PageResult<CoverageLine> coverage(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return coverage
			.list(agency, state == null || state.isBlank() ? null : DrillCoverage.State.of(state),
					PageQuery.of(page, size, null))
			.map(CoverageLine::from);
	}

	@Operation(operationId = "listDrillActions", summary = "List drill actions", description = """
			The actions the drills' weaknesses became, owned by the agencies in the caller's scope, the nearest \
			deadline first. The total is counted up to 10,000 (`totalCapped`).
			""")
	@Parameter(name = "agency", description = "Only actions this agency or one below it owns.")
	@Parameter(name = "status", description = "`open`, `done` or `verified`.")
	@Parameter(name = "drill", description = "Only the actions of this drill.")
	@Parameter(name = "page", description = "The page, from 0.")
	@Parameter(name = "size", description = "How many actions a page holds, 1 to 500.")
	@PreAuthorize(READERS)
	@GetMapping("/api/v1/drill-actions")
	PageResult<ActionView> actions(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long drill, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return drills.actions(actionFilter(agency, status, drill), PageQuery.of(page, size, null))
			.map(ActionView::from);
	}

	static Drills.ActionFilter actionFilter(@Nullable Long agency, @Nullable String status, @Nullable Long drill) {
		return new Drills.ActionFilter(agency,
				status == null || status.isBlank() ? null : DrillActionStatus.of(status, "status"), drill);
	}

	@Operation(operationId = "completeDrillAction", summary = "Report a drill action done", description = """
			The owner agency (its officers) or a province role reports the action carried out, with an \
			optional `note`. Only an `open` action moves to `done`; otherwise a 409 and nothing changes.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "done", summary = "Done with a note", value = """
					{"note": "Đã ban hành quy trình báo cáo sự cố"}
					"""))))
	@Parameter(name = "id", description = "The action's id.")
	@PreAuthorize(REPORTERS)
	@PostMapping("/api/v1/drill-actions/{id}/done")
	ActionView done(@PathVariable long id, @RequestBody(required = false) @Nullable NoteForm form) {
		return ActionView.from(management.moveAction(id, DrillActionStatus.DONE, form == null ? null : form.note()));
	}

	@Operation(operationId = "verifyDrillAction", summary = "Verify a drill action", description = """
			A province role (administrator, operator, police) confirms an action reported `done`; it becomes \
			`verified`. Any other status is a 409 and nothing changes.
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "verify", summary = "Checked on site", value = """
					{"note": "Đã kiểm tra trực tiếp"}
					"""))))
	@Parameter(name = "id", description = "The action's id.")
	@PreAuthorize(MANAGERS)
	@PostMapping("/api/v1/drill-actions/{id}/verify")
	ActionView verify(@PathVariable long id, @RequestBody(required = false) @Nullable NoteForm form) {
		return ActionView
			.from(management.moveAction(id, DrillActionStatus.VERIFIED, form == null ? null : form.note()));
	}

	private DrillView view(Drill drill) {
		return DrillView.from(drill, labels(List.of(drill)));
	}

	private Map<Long, String> labels(List<Drill> list) {
		Set<Long> ids = new HashSet<>();
		list.forEach(d -> {
			ids.add(d.agencyId());
			d.participants().forEach(p -> ids.add(p.agencyId()));
		});
		return directory.labels(ids);
	}

}
