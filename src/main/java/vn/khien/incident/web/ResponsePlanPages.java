package vn.khien.incident.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.incident.IncidentPhase;
import vn.khien.incident.ResponsePlan;
import vn.khien.incident.ResponsePlanStatus;
import vn.khien.incident.ResponsePlans;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The response plans' pages: the list with the stale badge, one plan (or one of its
 * versions) with its scenarios and playbooks, and the form that drafts and edits a plan:
 * each scenario with its tasks in rows, a few empty rows to add more.
 */
@Controller
@RequestMapping("/response-plans")
class ResponsePlanPages {

	/** Empty task rows under each scenario, and in the empty scenario, of the form. */
	static final int SPARE_TASKS = 3;

	static final int NEW_SCENARIO_TASKS = 5;

	private static final Pattern SCENARIO_FIELD = Pattern.compile("scenarios\\[(\\d{1,3})\\]\\.(id|title)");

	private static final Pattern TASK_FIELD = Pattern
		.compile("scenarios\\[(\\d{1,3})\\]\\.tasks\\[(\\d{1,3})\\]\\.(phase|title|description|order)");

	private final ResponsePlans plans;

	private final Systems systems;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	ResponsePlanPages(ResponsePlans plans, Systems systems, AgencyDirectory directory, MessageSource messages) {
		this.plans = plans;
		this.systems = systems;
		this.directory = directory;
		this.messages = messages;
	}

	/** A row of the form as typed. */
	record TaskRow(String phase, String title, String description, String order) {

		static final TaskRow EMPTY = new TaskRow("", "", "", "");

		boolean blank() {
			return title.isBlank() && description.isBlank();
		}

	}

	record ScenarioRow(String id, String title, List<TaskRow> tasks) {

		boolean blank() {
			return id.isBlank() && title.isBlank() && tasks.stream().allMatch(TaskRow::blank);
		}

	}

	/** The form's content as typed (or as the version reads), without its empty rows. */
	record PlanView(String title, String summary, List<ScenarioRow> scenarios) {

		static PlanView of(ResponsePlan plan) {
			return new PlanView(plan.title(), plan.summary() == null ? "" : plan.summary(),
					plan.scenarios()
						.stream()
						.map(s -> new ScenarioRow(s.id(), s.title(), s.tasks()
							.stream()
							.map(t -> new TaskRow(t.phase().code(), t.title(),
									t.description() == null ? "" : t.description(), String.valueOf(t.position())))
							.toList()))
						.toList());
		}

		/** The rows the form shows: these and a few empty ones to fill. */
		PlanView withSpares() {
			List<ScenarioRow> rows = new ArrayList<>();
			for (ScenarioRow s : scenarios) {
				List<TaskRow> tasks = new ArrayList<>(s.tasks());
				for (int i = 0; i < SPARE_TASKS && tasks.size() < ResponsePlans.TASKS_MAX; i++) {
					tasks.add(TaskRow.EMPTY);
				}
				rows.add(new ScenarioRow(s.id(), s.title(), tasks));
			}
			if (rows.size() < ResponsePlans.SCENARIOS_MAX) {
				rows.add(new ScenarioRow("", "", java.util.Collections.nCopies(NEW_SCENARIO_TASKS, TaskRow.EMPTY)));
			}
			return new PlanView(title, summary, rows);
		}

		ResponsePlans.Content toContent() {
			List<ResponsePlanApi.ScenarioForm> forms = new ArrayList<>();
			for (int i = 0; i < scenarios.size(); i++) {
				ScenarioRow s = scenarios.get(i);
				List<ResponsePlanApi.TaskForm> tasks = s.tasks()
					.stream()
					.map(t -> new ResponsePlanApi.TaskForm(t.phase(), t.title(), t.description()))
					.toList();
				forms.add(new ResponsePlanApi.ScenarioForm(s.id(), s.title(), tasks));
			}
			return new ResponsePlanApi.PlanForm(null, null, title, summary, forms).toContent();
		}

		/**
		 * The typed form without its empty rows, the tasks in the order their numbers say
		 * (rows without one keep their place after those with one).
		 */
		static PlanView parse(Map<String, String> params) {
			TreeMap<Integer, String[]> scenarioFields = new TreeMap<>();
			TreeMap<Integer, TreeMap<Integer, String[]>> taskFields = new TreeMap<>();
			for (var e : params.entrySet()) {
				String value = e.getValue() == null ? "" : e.getValue();
				Matcher s = SCENARIO_FIELD.matcher(e.getKey());
				if (s.matches()) {
					String[] f = scenarioFields.computeIfAbsent(Integer.parseInt(s.group(1)),
							k -> new String[] { "", "" });
					f[s.group(2).equals("id") ? 0 : 1] = value;
					continue;
				}
				Matcher t = TASK_FIELD.matcher(e.getKey());
				if (t.matches()) {
					String[] f = taskFields.computeIfAbsent(Integer.parseInt(t.group(1)), k -> new TreeMap<>())
						.computeIfAbsent(Integer.parseInt(t.group(2)), k -> new String[] { "", "", "", "" });
					f[List.of("phase", "title", "description", "order").indexOf(t.group(3))] = value;
				}
			}
			Set<Integer> indexes = new java.util.TreeSet<>(scenarioFields.keySet());
			indexes.addAll(taskFields.keySet());
			List<ScenarioRow> scenarios = new ArrayList<>();
			for (int i : indexes) {
				String[] sf = scenarioFields.getOrDefault(i, new String[] { "", "" });
				List<TaskRow> typed = new ArrayList<>();
				for (String[] tf : taskFields.getOrDefault(i, new TreeMap<>()).values()) {
					TaskRow row = new TaskRow(tf[0], tf[1], tf[2], tf[3]);
					if (!row.blank()) {
						typed.add(row);
					}
				}
				ScenarioRow row = new ScenarioRow(sf[0], sf[1], typed);
				if (!row.blank()) {
					scenarios.add(row);
				}
			}
			return new PlanView(params.getOrDefault("title", ""), params.getOrDefault("summary", ""), scenarios);
		}

		/** The rows in the order their numbers say; a number that is not one: 400. */
		PlanView ordered() {
			List<ScenarioRow> rows = new ArrayList<>();
			for (int i = 0; i < scenarios.size(); i++) {
				ScenarioRow s = scenarios.get(i);
				List<BigDecimal> keys = new ArrayList<>();
				for (int j = 0; j < s.tasks().size(); j++) {
					String order = s.tasks().get(j).order().strip().replace(',', '.');
					try {
						if (order.length() > 12) {
							throw new NumberFormatException(order);
						}
						keys.add(order.isEmpty() ? BigDecimal.valueOf(1_000_000L + j) : new BigDecimal(order));
					}
					catch (NumberFormatException ex) {
						throw new InvalidInputException("scenarios[" + i + "].tasks[" + j + "].order",
								"responsePlan.task.order", order.length() > 12 ? order.substring(0, 12) : order);
					}
				}
				List<Integer> index = new ArrayList<>();
				for (int j = 0; j < s.tasks().size(); j++) {
					index.add(j);
				}
				index.sort(Comparator.comparing(keys::get));
				List<TaskRow> sorted = new ArrayList<>();
				for (int k = 0; k < index.size(); k++) {
					TaskRow t = s.tasks().get(index.get(k));
					sorted.add(new TaskRow(t.phase(), t.title(), t.description(), String.valueOf(k + 1)));
				}
				rows.add(new ScenarioRow(s.id(), s.title(), sorted));
			}
			return new PlanView(title, summary, rows);
		}

	}

	@PreAuthorize(ResponsePlanApi.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable Boolean stale, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var result = plans.list(new ResponsePlans.Filter(agency, system, stale), PageQuery.of(page, size, null));
		Set<Long> agencies = new HashSet<>();
		result.items().forEach(p -> agencies.add(p.agencyId()));
		if (agency != null) {
			agencies.add(agency);
		}
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(agencies));
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null ? null : directory.label(agency).orElse(null));
		model.addAttribute("system", system);
		model.addAttribute("stale", stale);
		return "incident/plans/list";
	}

	@PreAuthorize(ResponsePlanApi.EDITORS)
	@GetMapping("/new")
	String newPlan(@RequestParam(required = false) @Nullable Long system, Model model) {
		String systemLabel = null;
		if (system != null) {
			var existing = plans.ofSystem(system);
			if (existing.isPresent()) {
				return "redirect:/response-plans/" + existing.get().id();
			}
			systemLabel = systems.find(system).map(s -> s.code() + " — " + s.name()).orElse(null);
		}
		return form(model, null, new PlanView("", "", List.of()), system == null ? "" : String.valueOf(system),
				systemLabel, null, null);
	}

	@PreAuthorize(ResponsePlanApi.EDITORS)
	@PostMapping
	String create(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		String systemId = params.getOrDefault("systemId", "").strip();
		PlanView typed = PlanView.parse(params);
		try {
			PlanView ordered = typed.ordered();
			typed = ordered;
			if (systemId.isEmpty()) {
				throw new InvalidInputException("systemId", "responsePlan.system.required");
			}
			long system;
			try {
				system = Long.parseLong(systemId);
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("systemId", "responsePlan.system.required");
			}
			return "redirect:/response-plans/" + plans.create(system, ordered.toContent()).id();
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			response.setStatus(ex.status());
			String label = systemId.matches("\\d{1,18}")
					? systems.find(Long.parseLong(systemId)).map(s -> s.code() + " — " + s.name()).orElse(null) : null;
			return form(model, null, typed, systemId, label, null, ex);
		}
	}

	@PreAuthorize(ResponsePlanApi.READERS)
	@GetMapping("/{id}")
	String plan(@PathVariable long id, Model model) {
		return view(plans.get(id), model);
	}

	@PreAuthorize(ResponsePlanApi.READERS)
	@GetMapping("/{id}/versions/{version}")
	String version(@PathVariable long id, @PathVariable int version, Model model) {
		return view(plans.version(id, version), model);
	}

	@PreAuthorize(ResponsePlanApi.EDITORS)
	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		ResponsePlan plan = plans.get(id);
		if (!plans.mayEdit(plan)) {
			throw InvalidInputException.withStatus(403, "responsePlan.notEditor");
		}
		return form(model, plan, PlanView.of(plan), String.valueOf(plan.systemId()), null, plan.latestVersion(), null);
	}

	@PreAuthorize(ResponsePlanApi.EDITORS)
	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ResponsePlan plan = plans.get(id);
		PlanView typed = PlanView.parse(params);
		Integer base = null;
		try {
			PlanView ordered = typed.ordered();
			typed = ordered;
			String version = params.getOrDefault("version", "").strip();
			if (!version.isEmpty()) {
				try {
					base = Integer.valueOf(version);
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("version", "responsePlan.version.invalid");
				}
			}
			plans.update(id, ordered.toContent(), base);
			redirect.addFlashAttribute("notice", message("responsePlan.saved"));
			return "redirect:/response-plans/" + id;
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			response.setStatus(ex.status());
			return form(model, plan, typed, String.valueOf(plan.systemId()), null,
					base != null ? base : plan.latestVersion(), ex);
		}
	}

	@PreAuthorize(ResponsePlanApi.EDITORS)
	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		ResponsePlan before = plans.get(id);
		try {
			plans.approve(id);
			redirect.addFlashAttribute("notice", message(
					before.status() == ResponsePlanStatus.DRAFT ? "responsePlan.approved" : "responsePlan.reviewed"));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/response-plans/" + id;
	}

	private String view(ResponsePlan plan, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("agency", directory.label(plan.agencyId()).orElse(""));
		model.addAttribute("mayEdit", plans.mayEdit(plan));
		model.addAttribute("latest", plan.version() == plan.latestVersion());
		model.addAttribute("tasks", plan.scenarios().stream().mapToInt(s -> s.tasks().size()).sum());
		return "incident/plans/plan";
	}

	private String form(Model model, @Nullable ResponsePlan plan, PlanView typed, String systemId,
			@Nullable String systemLabel, @Nullable Integer baseVersion, @Nullable InvalidInputException error) {
		model.addAttribute("plan", plan);
		model.addAttribute("view", typed.withSpares());
		model.addAttribute("systemId", systemId);
		model.addAttribute("systemLabel", systemLabel);
		model.addAttribute("baseVersion", baseVersion);
		model.addAttribute("phases", IncidentPhase.values());
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("error", error == null ? null : message(error.messageKey(), error.args()));
		model.addAttribute("scenarioKinds", List.of("defacement", "ransomware", "ddos", "data-leak", "phishing"));
		model.addAttribute("titleMax", ResponsePlans.TITLE_MAX);
		model.addAttribute("textMax", ResponsePlans.TEXT_MAX);
		return "incident/plans/form";
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
