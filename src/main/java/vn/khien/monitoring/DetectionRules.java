package vn.khien.monitoring;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.monitoring.sigma.ParseResult;
import vn.khien.monitoring.sigma.RuleError;
import vn.khien.monitoring.sigma.SigmaCorrelation;
import vn.khien.monitoring.sigma.SigmaFilter;
import vn.khien.monitoring.sigma.SigmaRule;
import vn.khien.monitoring.sigma.SigmaArchive;
import vn.khien.monitoring.sigma.SigmaRules;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * The detection rules: Sigma files or archives loaded as they are (the text is kept, so
 * that a rule's author and licence go wherever it does), each document refused on its own
 * with its file and line while the others load; turned off for the province or for one
 * agency; an agency's filters hold its exceptions. Every change bumps the rules'
 * generation, which detection compiles anew.
 */
@Component
public class DetectionRules {

	/**
	 * The largest rules file, and the largest archive uploaded (SigmaArchive bounds what
	 * it unpacks).
	 */
	public static final int MAX_FILE_BYTES = 512 * 1024;

	public static final long MAX_ARCHIVE_BYTES = 64L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	DetectionRules(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * What a load did: documents new and replaced, and the refusals with their file and
	 * line.
	 */
	public record Loaded(int created, int replaced, List<RuleError> errors) {
	}

	/** A file of a rules archive, or the one file uploaded. */
	public record RuleFile(String name, byte[] content) {
	}

	/**
	 * Loads a YAML file or a ZIP archive of them. A document whose id is already loaded
	 * replaces it; an officer may load filters for their own agency only.
	 * @param agencyId the agency the filters are for (null: the province)
	 */
	@Transactional
	public Loaded load(String fileName, byte[] content, @Nullable Long agencyId) {
		boolean operator = currentUser.mayEditProvince();
		if (agencyId != null && !currentUser.mayEdit(agencyId)) {
			throw InvalidInputException.withStatus(403, "monitoring.rules.notYourAgency");
		}
		if (agencyId == null && !operator) {
			throw InvalidInputException.withStatus(403, "monitoring.rules.filtersOnly");
		}
		List<RuleError> errors = new ArrayList<>();
		List<RuleFile> files;
		if (isZip(content)) {
			SigmaArchive.Unpacked unpacked = SigmaArchive.unpack(new ByteArrayInputStream(content));
			errors.addAll(unpacked.errors());
			files = unpacked.files().stream().map(e -> new RuleFile(e.name(), e.content())).toList();
		}
		else {
			files = List.of(new RuleFile(fileName, content));
		}
		int created = 0;
		int replaced = 0;
		for (RuleFile file : files) {
			if (file.content().length > MAX_FILE_BYTES) {
				errors.add(new RuleError(file.name(), 0, "larger than " + MAX_FILE_BYTES + " bytes"));
				continue;
			}
			ParseResult parsed = SigmaRules.parse(file.name(), file.content());
			errors.addAll(parsed.errors());
			String text = new String(file.content(), StandardCharsets.UTF_8);
			List<Doc> docs = new ArrayList<>();
			if (agencyId == null) {
				parsed.rules().forEach(r -> docs.add(Doc.of(r)));
				parsed.correlations().forEach(c -> docs.add(Doc.of(c)));
			}
			else if (!parsed.rules().isEmpty() || !parsed.correlations().isEmpty()) {
				errors.add(new RuleError(file.name(), 0, "an agency loads filters only"));
			}
			parsed.filters().forEach(f -> docs.add(Doc.of(f)));
			for (Doc doc : docs) {
				switch (store(doc, file.name(), text, agencyId, errors)) {
					case CREATED -> created++;
					case REPLACED -> replaced++;
					case REFUSED -> {
					}
				}
			}
		}
		if (created + replaced == 0) {
			throw new RulesRefused(errors);
		}
		audit.record("DETECTION_RULES_LOADED", "detection_rule", null, null,
				Map.of("file", fileName, "created", created, "replaced", replaced, "refused", errors.size()));
		events.publishEvent(new DetectionRulesChanged());
		return new Loaded(created, replaced, List.copyOf(errors));
	}

	/** No document of the upload loaded: each refusal with its file and line. */
	public static class RulesRefused extends InvalidInputException {

		private final List<RuleError> errors;

		RulesRefused(List<RuleError> errors) {
			super("file", "monitoring.rules.noneLoaded", errors.isEmpty() ? "-" : errors.get(0).toString());
			this.errors = List.copyOf(errors);
		}

		public List<RuleError> errors() {
			return errors;
		}

	}

	private record Doc(String uid, String kind, String title, @Nullable String level, @Nullable String status,
			@Nullable String author, List<String> tags, @Nullable String logsource) {

		static Doc of(SigmaRule r) {
			return new Doc(uidOf(r.id(), r.name(), r.fileName(), r.line()), "rule", r.title(), r.level(), r.status(),
					r.author(), r.tags(), r.logSource().toString());
		}

		static Doc of(SigmaCorrelation c) {
			return new Doc(uidOf(c.id(), c.name(), c.fileName(), c.line()), "correlation", c.title(), c.level(),
					c.status(), c.author(), c.tags(), null);
		}

		static Doc of(SigmaFilter f) {
			return new Doc(uidOf(f.id(), null, f.fileName(), f.line()), "filter", f.title(), null, null, f.author(),
					List.of(), f.logSource().toString());
		}

	}

	/** What a document is known by: its Sigma id, else its name, else where it is. */
	public static String uidOf(@Nullable String id, @Nullable String name, String file, int line) {
		String uid = id != null ? id : name != null ? name : file + ":" + line;
		return uid.length() > 100 ? uid.substring(0, 100) : uid;
	}

	private enum Stored {

		CREATED, REPLACED, REFUSED

	}

	private Stored store(Doc doc, String fileName, String text, @Nullable Long agencyId, List<RuleError> errors) {
		// NB: unscoped: an id another agency holds is refused, not duplicated
		Optional<DetectionRule> existing = jdbc.sql(select() + " WHERE r.rule_uid = :uid")
			.param("uid", doc.uid())
			.query(this::map)
			.optional();
		Timestamp now = Timestamp.from(Instant.now());
		if (existing.isPresent()) {
			DetectionRule before = existing.get();
			if (before.agencyId() != null ? !before.agencyId().equals(agencyId) : agencyId != null) {
				errors.add(new RuleError(fileName, 0, "the id " + doc.uid() + " belongs to another owner"));
				return Stored.REFUSED;
			}
			jdbc.sql("""
					UPDATE detection_rule SET kind = :kind, title = :title, level = :level, rule_status = :status,
					  author = :author, tags = :tags, logsource = :logsource, file_name = :file, yaml = :yaml,
					  loaded_at = :at, loaded_by = :by, version = version + 1 WHERE id = :id""")
				.params(params(doc, fileName, text, now))
				.param("id", before.id())
				.update();
			audit.record("DETECTION_RULE_REPLACED", "detection_rule", before.id(), Map.of("title", before.title()),
					Map.of("title", doc.title()));
			return Stored.REPLACED;
		}
		jdbc.sql(
				"""
						INSERT INTO detection_rule (rule_uid, kind, agency_id, title, level, rule_status, author, tags,
						  logsource, file_name, yaml, loaded_at, loaded_by)
						VALUES (:uid, :kind, :agency, :title, :level, :status, :author, :tags, :logsource, :file, :yaml, :at, :by)""")
			.params(params(doc, fileName, text, now))
			.param("uid", doc.uid())
			.param("agency", agencyId)
			.update();
		return Stored.CREATED;
	}

	private Map<String, Object> params(Doc doc, String fileName, String text, Timestamp now) {
		Map<String, Object> p = new HashMap<>();
		p.put("kind", doc.kind());
		p.put("title", clip(doc.title(), 500));
		p.put("level", doc.level() == null ? null : clip(doc.level(), 20));
		p.put("status", doc.status() == null ? null : clip(doc.status(), 20));
		p.put("author", doc.author() == null ? null : clip(doc.author(), 1000));
		p.put("tags", clip(String.join(" ", doc.tags()), 2000));
		p.put("logsource", doc.logsource() == null ? null : clip(doc.logsource(), 300));
		p.put("file", clip(fileName, 300));
		p.put("yaml", text);
		p.put("at", now);
		p.put("by", currentUser.name());
		return p;
	}

	/** Turns a rule on or off for the province (operators) or for one agency's events. */
	@Transactional
	public DetectionRule enable(long id, boolean enabled, @Nullable Long agencyId) {
		DetectionRule rule = get(id);
		if (agencyId == null) {
			if (!currentUser.mayEditProvince()) {
				throw InvalidInputException.withStatus(403, "monitoring.rules.provinceOnly");
			}
			jdbc.sql("UPDATE detection_rule SET enabled = :e, version = version + 1 WHERE id = :id")
				.param("e", enabled)
				.param("id", id)
				.update();
		}
		else {
			if (!currentUser.mayEdit(agencyId)) {
				throw InvalidInputException.withStatus(403, "monitoring.rules.notYourAgency");
			}
			jdbc.sql("DELETE FROM detection_rule_off WHERE agency_id = :a AND rule_id = :id")
				.param("a", agencyId)
				.param("id", id)
				.update();
			if (!enabled) {
				jdbc.sql("INSERT INTO detection_rule_off (agency_id, rule_id) VALUES (:a, :id)")
					.param("a", agencyId)
					.param("id", id)
					.update();
			}
			jdbc.sql("UPDATE detection_rule SET version = version + 1 WHERE id = :id").param("id", id).update();
		}
		audit.record(enabled ? "DETECTION_RULE_ENABLED" : "DETECTION_RULE_DISABLED", "detection_rule", id,
				Map.of("enabled", rule.enabled()),
				agencyId == null ? Map.of("enabled", enabled) : Map.of("enabled", enabled, "agencyId", agencyId));
		events.publishEvent(new DetectionRulesChanged());
		return get(id);
	}

	public DetectionRule get(long id) {
		return find("r.id = :id", Map.of("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("detection_rule", id));
	}

	/** The text of a rule as loaded. */
	public String yaml(long id) {
		get(id);
		return jdbc.sql("SELECT yaml FROM detection_rule WHERE id = :id").param("id", id).query(String.class).single();
	}

	/**
	 * A page of rules by title: the province's and, for an agency's officers, their own
	 * filters.
	 * @param q the start of a title, or a rule's id
	 */
	public PageResult<DetectionRule> list(@Nullable String q, @Nullable String kind, PageQuery page) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		AgencyScope scope = currentUser.scope();
		where.add(scope.unrestricted() ? "TRUE" : "(r.agency_id IS NULL OR " + scope.filter("r.agency_id") + ")");
		if (kind != null && !kind.isBlank()) {
			where.add("r.kind = :kind");
			params.put("kind", kind.strip().toLowerCase(Locale.ROOT));
		}
		if (q != null && !q.isBlank()) {
			String like = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.add("(r.rule_uid = :q OR r.title LIKE :like ESCAPE '\\')");
			params.put("q", q.strip());
			params.put("like", like);
		}
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<DetectionRule> items = scope.bind(jdbc.sql(select() + " WHERE " + String.join(" AND ", where)
				+ " ORDER BY r.title, r.id LIMIT :limit OFFSET :offset"))
			.params(params)
			.query(this::map)
			.list();
		long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM detection_rule r WHERE "
				+ String.join(" AND ", where) + " LIMIT 10001) c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(withOff(items), page.page(), page.size(), Math.min(total, 10_000), total > 10_000,
				null);
	}

	private List<DetectionRule> find(String condition, Map<String, Object> params) {
		AgencyScope scope = currentUser.scope();
		String visible = scope.unrestricted() ? "TRUE" : "(r.agency_id IS NULL OR " + scope.filter("r.agency_id") + ")";
		return withOff(scope.bind(jdbc.sql(select() + " WHERE " + condition + " AND " + visible))
			.params(params)
			.query(this::map)
			.list());
	}

	private List<DetectionRule> withOff(List<DetectionRule> rules) {
		if (rules.isEmpty()) {
			return rules;
		}
		Map<Long, List<Long>> off = new HashMap<>();
		jdbc.sql("SELECT rule_id, agency_id FROM detection_rule_off WHERE rule_id IN (:ids) ORDER BY agency_id")
			.param("ids", rules.stream().map(DetectionRule::id).toList())
			.query((rs, n) -> off.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return rules.stream()
			.map(r -> new DetectionRule(r.id(), r.uid(), r.kind(), r.agencyId(), r.title(), r.level(), r.status(),
					r.author(), r.tags(), r.logsource(), r.fileName(), r.enabled(), r.loadedAt(), r.loadedBy(),
					off.getOrDefault(r.id(), List.of()), r.version()))
			.toList();
	}

	private static String select() {
		return """
				SELECT r.id, r.rule_uid, r.kind, r.agency_id, r.title, r.level, r.rule_status, r.author, r.tags,
				  r.logsource, r.file_name, r.enabled, r.loaded_at, r.loaded_by, r.version FROM detection_rule r""";
	}

	private DetectionRule map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String tags = rs.getString("tags");
		return new DetectionRule(rs.getLong("id"), rs.getString("rule_uid"), rs.getString("kind"),
				Alerts.nullableLong(rs, "agency_id"), rs.getString("title"), rs.getString("level"),
				rs.getString("rule_status"), rs.getString("author"),
				tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" ")), rs.getString("logsource"),
				rs.getString("file_name"), rs.getBoolean("enabled"), rs.getTimestamp("loaded_at").toInstant(),
				rs.getString("loaded_by"), List.of(), rs.getInt("version"));
	}

	static boolean isZip(byte[] content) {
		return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
