package vn.khien.monitoring.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.monitoring.DetectionRule;
import vn.khien.monitoring.DetectionRules;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** The detection rules: Sigma rules, correlations and filters. */
@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "monitoring")
class RuleApi {

	private final DetectionRules rules;

	RuleApi(DetectionRules rules) {
		this.rules = rules;
	}

	record EnableForm(@Nullable Boolean enabled, @Nullable Long agencyId) {
	}

	/** A rule with its text as loaded. */
	record RuleDetail(DetectionRule rule, String yaml) {
	}

	@Operation(operationId = "listRules", summary = "List detection rules", description = """
			The province's rules, correlations and filters, and an agency's own filters for its officers, by \
			title; each with its author (the Detection Rule License asks it of every alert a rule raises).
			""")
	@Parameter(name = "q", description = "The start of a title, or a rule's Sigma id.")
	@Parameter(name = "kind", description = "rule, correlation or filter")
	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping
	PageResult<DetectionRule> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return rules.list(PageQuery.text("q", q), PageQuery.text("kind", kind), PageQuery.of(page, size, null));
	}

	@Operation(operationId = "loadRules", summary = "Load Sigma rules", description = """
			Multipart `file`: one Sigma YAML file (rules, correlations, filters; several documents allowed) or a \
			ZIP archive of them (air-gapped updates). A document whose id is loaded already replaces it. Each \
			refused document is listed with its file and line, and the others load: 201 when any loaded (with \
			`errors` for the rest), 400 when none did. `agencyId`: filters holding that agency's exceptions \
			(an agency's officers load only these).
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							examples = @ExampleObject(name = "archive", value = """
									{"file": "sigma_all_rules.zip"}
									"""))))
	@Parameter(name = "agencyId", description = "The agency the filters are for.")
	@PreAuthorize(MonitoringForms.RULE_LOADERS)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> load(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable Long agencyId) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "monitoring.rules.fileMissing");
		}
		if (file.getSize() > DetectionRules.MAX_ARCHIVE_BYTES) {
			throw InvalidInputException.withStatus(413, "monitoring.rules.archiveTooLarge",
					DetectionRules.MAX_ARCHIVE_BYTES);
		}
		String name = file.getOriginalFilename() == null ? "rules.yml" : file.getOriginalFilename();
		try {
			DetectionRules.Loaded loaded = rules.load(name, file.getBytes(), agencyId);
			return ResponseEntity.status(loaded.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(loaded);
		}
		catch (DetectionRules.RulesRefused ex) {
			return ResponseEntity.badRequest().body(java.util.Map.of("errors", ex.errors()));
		}
	}

	@Operation(operationId = "getRule", summary = "Read a detection rule", description = """
			The rule and its text as loaded.
			""")
	@Parameter(name = "id", description = "The rule's id (Khiên's, not its Sigma id).")
	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping("/{id}")
	RuleDetail get(@PathVariable long id) {
		return new RuleDetail(rules.get(id), rules.yaml(id));
	}

	@Operation(operationId = "enableRule", summary = "Turn a rule on or off", description = """
			For the province (operators), or with `agencyId` for one agency's events (its officers, or the \
			operators).
			""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "off for an agency", value = """
							{"enabled": false, "agencyId": 12}
							"""))))
	@Parameter(name = "id", description = "The rule's id.")
	@PreAuthorize(MonitoringForms.RULE_LOADERS)
	@PostMapping("/{id}/enabled")
	DetectionRule enable(@PathVariable long id, @RequestBody EnableForm form) {
		if (form.enabled() == null) {
			throw new InvalidInputException("enabled", "monitoring.rules.enabledMissing");
		}
		return rules.enable(id, form.enabled(), form.agencyId());
	}

}
