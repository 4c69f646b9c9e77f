package vn.khien.incident.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.incident.IncidentPhase;
import vn.khien.incident.PlaybookTask;
import vn.khien.incident.ResponsePlan;
import vn.khien.incident.ResponsePlans;
import vn.khien.incident.ResponseScenario;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Incident response plans of the information systems: their scenarios and playbooks,
 * drafted, approved and kept in versions.
 */
@RestController
@RequestMapping("/api/v1/response-plans")
@Tag(name = "response plans")
class ResponsePlanApi {

	/** Who reads plans: everyone but assessors and outside organisations. */
	static final String READERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'POLICE', 'LEADERSHIP', 'AGENCY_OFFICER', 'RESPONDER')";

	/**
	 * Who writes and approves plans: the owner agency's officers, the province's
	 * operators and responders.
	 */
	static final String EDITORS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'RESPONDER', 'AGENCY_OFFICER')";

	private static final String EXAMPLE = """
			{"systemId": 42, "title": "Phương án ứng cứu sự cố Cổng dịch vụ công",
			 "summary": "Đội ứng cứu của Sở phối hợp với đơn vị chuyên trách.",
			 "scenarios": [{"id": "ransomware", "title": "Mã độc tống tiền", "tasks": [
			   {"phase": "detection", "title": "Xác định máy bị mã hoá", "description": "Từ cảnh báo của phần mềm phòng chống mã độc"},
			   {"phase": "containment", "title": "Ngắt máy khỏi mạng"},
			   {"phase": "post_incident", "title": "Khôi phục từ bản sao lưu và báo cáo"}]}]}
			""";

	private final ResponsePlans plans;

	ResponsePlanApi(ResponsePlans plans) {
		this.plans = plans;
	}

	record TaskForm(@Nullable String phase, @Nullable String title, @Nullable String description) {
	}

	record ScenarioForm(@Nullable String id, @Nullable String title, @Nullable List<TaskForm> tasks) {
	}

	/**
	 * A plan's content as sent; {@code version} (when editing) is the version the writer
	 * started from.
	 */
	record PlanForm(@Nullable Long systemId, @Nullable Integer version, @Nullable String title,
			@Nullable String summary, @Nullable List<ScenarioForm> scenarios) {

		ResponsePlans.Content toContent() {
			List<ResponseScenario> list = new ArrayList<>();
			List<ScenarioForm> given = scenarios == null ? List.of() : scenarios;
			if (given.size() > ResponsePlans.SCENARIOS_MAX) {
				throw new InvalidInputException("scenarios", "responsePlan.scenarios.tooMany",
						ResponsePlans.SCENARIOS_MAX);
			}
			for (int i = 0; i < given.size(); i++) {
				ScenarioForm s = given.get(i);
				if (s == null) {
					throw new InvalidInputException("scenarios[" + i + "]", "responsePlan.scenario.empty");
				}
				List<TaskForm> taskForms = s.tasks() == null ? List.of() : s.tasks();
				if (taskForms.size() > ResponsePlans.TASKS_MAX) {
					throw new InvalidInputException("scenarios[" + i + "].tasks", "responsePlan.tasks.tooMany",
							ResponsePlans.TASKS_MAX);
				}
				List<PlaybookTask> tasks = new ArrayList<>();
				for (int j = 0; j < taskForms.size(); j++) {
					TaskForm t = taskForms.get(j);
					String field = "scenarios[" + i + "].tasks[" + j + "]";
					if (t == null) {
						throw new InvalidInputException(field + ".phase", "responsePlan.task.phase");
					}
					tasks.add(new PlaybookTask(j + 1, phase(field + ".phase", t.phase()),
							t.title() == null ? "" : t.title(), t.description()));
				}
				list.add(new ResponseScenario(s.id() == null ? "" : s.id(), s.title() == null ? "" : s.title(), tasks));
			}
			return new ResponsePlans.Content(title, summary, list);
		}

	}

	static IncidentPhase phase(String field, @Nullable String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, "responsePlan.task.phase");
		}
		return IncidentPhase.of(code)
			.orElseThrow(() -> new InvalidInputException(field, "responsePlan.task.phaseUnknown",
					code.length() > 40 ? code.substring(0, 40) + "…" : code));
	}

	@Operation(operationId = "listResponsePlans", summary = "List incident response plans", description = """
			Response plans in the caller's scope as their latest version reads, the newest first. \
			`stale=true` keeps the plans whose system changed in the inventory after the plan's last review.
			""")
	@Parameter(name = "agency", description = "Only this agency and those below it (an id).")
	@Parameter(name = "system", description = "Only this information system's plan (an id).")
	@Parameter(name = "stale",
			description = "true: only stale plans; false: only plans reviewed since their "
					+ "system last changed (or never reviewed).")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<ResponsePlan> list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Boolean stale, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return plans.list(new ResponsePlans.Filter(agency, system, stale), PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "createResponsePlan", summary = "Draft a system's response plan", description = """
			Drafts version 1 of the system's plan: a title, a summary, and one to 20 scenarios (an id such \
			as `ransomware`, `defacement`, `ddos`, `data-leak`, unique in the plan, and a title), each with one \
			to 100 tasks in order, each with a `phase` (`detection`, `containment`, `post_incident`), a title \
			and a description. One plan per system (409). By the system owner's officers, the operators and \
			the responders.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "ransomware", value = EXAMPLE))))
	@PreAuthorize(EDITORS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponsePlan create(@RequestBody PlanForm form) {
		if (form.systemId() == null) {
			throw new InvalidInputException("systemId", "responsePlan.system.required");
		}
		return plans.create(form.systemId(), form.toContent());
	}

	@Operation(operationId = "getResponsePlan", summary = "Read a response plan", description = """
			The plan as its latest version reads (a draft when one is being written), with its scenarios and \
			playbooks, its versions, the approved version (`approvedVersion`, the one cases use) and whether \
			it is stale.
			""")
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	ResponsePlan get(@PathVariable long id) {
		return plans.get(id);
	}

	@Operation(operationId = "updateResponsePlan", summary = "Write a response plan", description = """
			Replaces the content of the latest version while it is a draft; once approved, makes the next \
			version as a draft (the approved one stays readable and in force until the new one is approved). \
			`version`, when given, is the version the writer started from: another since answers 409. \
			The same content rules as for drafting.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "ransomware", value = """
							{"version": 1, "title": "Phương án ứng cứu sự cố Cổng dịch vụ công",
							 "scenarios": [{"id": "ddos", "title": "Tấn công từ chối dịch vụ", "tasks": [
							   {"phase": "detection", "title": "Xác nhận lưu lượng bất thường"},
							   {"phase": "containment", "title": "Đề nghị nhà mạng lọc lưu lượng"}]}]}
							"""))))
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(EDITORS)
	@PutMapping("/{id}")
	ResponsePlan update(@PathVariable long id, @RequestBody PlanForm form) {
		return plans.update(id, form.toContent(), form.version());
	}

	@Operation(operationId = "approveResponsePlan", summary = "Approve or review a response plan", description = """
			Approves the latest version when it is a draft (it becomes read-only and the one cases use); \
			when it is approved already, records a new review of it. Either way the plan is no longer stale. \
			No body.
			""")
	@Parameter(name = "id", description = "The plan's id.")
	@PreAuthorize(EDITORS)
	@PostMapping("/{id}/approve")
	ResponsePlan approve(@PathVariable long id) {
		return plans.approve(id);
	}

	@Operation(operationId = "getResponsePlanVersion", summary = "Read a version of a response plan", description = """
			One version of the plan as it was written or approved; approved versions are read-only.
			""")
	@Parameter(name = "id", description = "The plan's id.")
	@Parameter(name = "version", description = "The version's number, from 1.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}/versions/{version}")
	ResponsePlan version(@PathVariable long id, @PathVariable int version) {
		return plans.version(id, version);
	}

	@Operation(operationId = "getResponsePlaybook", summary = "Read a scenario's playbook", description = """
			The tasks of one scenario in order, as the plan's approved version has them (what a case takes \
			its tasks from). 404 for a scenario the approved version lacks, 409 while none is approved.
			""")
	@Parameter(name = "id", description = "The plan's id.")
	@Parameter(name = "scenario", description = "The scenario's id in the plan, e.g. `ransomware`.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}/playbook")
	List<PlaybookTask> playbook(@PathVariable long id, @RequestParam(required = false) @Nullable String scenario) {
		if (scenario == null || scenario.isBlank()) {
			throw new InvalidInputException("scenario", "responsePlan.scenario.required");
		}
		return plans.playbook(id, scenario);
	}

}
