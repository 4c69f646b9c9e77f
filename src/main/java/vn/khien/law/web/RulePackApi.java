package vn.khien.law.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.law.PackRefusal;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageResult;

/**
 * The rule packs, read by every signed-in user; their values adjusted by administrators.
 */
@RestController
@RequestMapping("/api/v1/rule-packs")
@Tag(name = "rule packs")
class RulePackApi {

	static final String ADMIN = "hasRole('ADMIN')";

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final RulePacks packs;

	private final MessageSource messages;

	RulePackApi(RulePacks packs, MessageSource messages) {
		this.packs = packs;
		this.messages = messages;
	}

	/** A pack without its contents, for lists. */
	record PackSummary(String id, String version, String title, LocalDate effectiveFrom,
			@Nullable LocalDate effectiveTo, boolean inForceToday, List<RulePack.LegalText> texts, int adjustments,
			String file) {

		static PackSummary of(RulePack p) {
			return new PackSummary(p.id(), p.version(), p.title(), p.effectiveFrom(), p.effectiveTo(),
					p.inForceOn(LocalDate.now(ZONE)), p.texts(), p.adjustments().size(), p.file());
		}

	}

	record Refusal(String file, int line, String message) {
	}

	record AdjustForm(@Nullable String target, @Nullable Long amount, @Nullable String reason) {
	}

	@Operation(operationId = "listRulePacks", summary = "List the rule packs", description = """
			Every rule pack loaded, the oldest first: its id, title, the legal texts it implements and the \
			period it is in force (`effectiveTo` null: until further notice). One pack is in force on any day.
			""")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<PackSummary> list() {
		List<PackSummary> all = packs.all().stream().map(PackSummary::of).toList();
		return new PageResult<>(all, 0, all.size(), all.size());
	}

	@Operation(operationId = "rulePackInForce", summary = "The rule pack in force on a date", description = """
			The whole pack in force on `date` (default today, Vietnam time): level criteria, appraisal and \
			approval, dossier parts, requirements, obligations and incident deadlines, each value with its \
			source. 400 when no pack covers the date.
			""")
	@Parameter(name = "date", description = "YYYY-MM-DD; default today.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/in-force")
	RulePack inForce(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return packs.requireInForce(date != null ? date : LocalDate.now(ZONE));
	}

	@Operation(operationId = "refusedRulePacks", summary = "Pack files refused at start-up", description = """
			The pack files that were not loaded, with the line at fault and why (administrators).
			""")
	@PreAuthorize(ADMIN)
	@GetMapping("/refused")
	List<Refusal> refused() {
		return packs.refused().stream().map(r -> new Refusal(r.file(), r.line(), message(messages, r))).toList();
	}

	@Operation(operationId = "getRulePack", summary = "One rule pack, whole", description = """
			The pack with every value and its source, and the values an administrator adjusted (already \
			applied).
			""")
	@Parameter(name = "id", description = "The pack's id, e.g. `vn-2026-nd331`.")
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	RulePack get(@PathVariable String id) {
		return packs.get(id);
	}

	@Operation(operationId = "adjustRulePack", summary = "Change one value of a pack", description = """
			Sets a number of the pack without editing its file, recorded in the audit trail with its reason \
			(administrators). `target`: `appraisal:<level>` or `approval:<level>` (time limit), \
			`obligation:<id>` (how often), `deadline:<id>` (incident deadline), `criterion:<id>:<fact>` \
			(a threshold). Answers the pack with the change applied.
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @io.swagger.v3.oas.annotations.media.Content(
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "scans", value = """
									{"target": "obligation:vulnerability-scan", "amount": 3,
									 "reason": "Quyết định của UBND tỉnh rà quét 3 tháng một lần"}
									"""))))
	@Parameter(name = "id", description = "The pack's id.")
	@PreAuthorize(ADMIN)
	@PostMapping("/{id}/adjustments")
	RulePack adjust(@PathVariable String id, @RequestBody AdjustForm form) {
		if (form.target() == null || form.target().isBlank()) {
			throw new InvalidInputException("target", "law.adjust.target", "");
		}
		if (form.amount() == null) {
			throw new InvalidInputException("amount", "law.adjust.amount");
		}
		return packs.adjust(id, form.target().trim(), form.amount(), form.reason() == null ? "" : form.reason());
	}

	static String message(MessageSource messages, PackRefusal r) {
		return messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(), LocaleContextHolder.getLocale());
	}

}
