package vn.khien.compliance;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Security reviews of critical systems at each stage of their life (R3.3): contractor
 * selection, design, build, operation. Recorded by the owner agency's writers (and the
 * province's), read within agency scope, each with documents kept as received; audited.
 */
@Service
public class LifecycleReviews {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AssessmentAccess access;

	private final Systems systems;

	private final EvidenceFiles files;

	private final AgencyHierarchy hierarchy;

	private final AuditLog audit;

	LifecycleReviews(JdbcClient jdbc, CurrentUser currentUser, AssessmentAccess access, Systems systems,
			EvidenceFiles files, AgencyHierarchy hierarchy, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.access = access;
		this.systems = systems;
		this.files = files;
		this.hierarchy = hierarchy;
		this.audit = audit;
	}

	public record NewReview(long systemId, LifecycleReview.Stage stage, @Nullable LocalDate reviewedOn,
			LifecycleReview.Result result, @Nullable String reviewer, @Nullable String findings) {
	}

	public record Filter(@Nullable Long systemId, @Nullable Long agencyId, LifecycleReview.@Nullable Stage stage) {
	}

	public LifecycleReview get(long id) {
		AgencyScope scope = currentUser.scope();
		return scope
			.bind(jdbc.sql("SELECT * FROM lifecycle_review r WHERE r.id = :id AND " + scope.filter("r.agency_id"))
				.param("id", id))
			.query(LifecycleReviews::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("lifecycle review", id));
	}

	/** Reviews, the latest first; counted up to a cap. */
	public PageResult<LifecycleReview> list(Filter filter, PageQuery page) {
		AgencyScope scope = currentUser.scope();
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(scope.filter("r.agency_id"));
		if (filter.systemId() != null) {
			where.append(" AND r.system_id = :system");
			params.put("system", filter.systemId());
		}
		if (filter.agencyId() != null) {
			where.append(" AND r.agency_id IN (:filterAgencies)");
			params.put("filterAgencies", hierarchy.selfAndDescendants(filter.agencyId()));
		}
		if (filter.stage() != null) {
			where.append(" AND r.stage = :stage");
			params.put("stage", filter.stage().name());
		}
		boolean desc = page.sort().isEmpty() || page.descending();
		String order = page.sort().isEmpty() ? "r.reviewed_on DESC" : page.orderBy(Map.of("date", "r.reviewed_on"), "");
		List<LifecycleReview> items = scope
			.bind(jdbc.sql("SELECT * FROM lifecycle_review r WHERE " + where + " ORDER BY " + order + ", r.id"
					+ (desc ? " DESC" : " ASC") + " LIMIT :limit OFFSET :offset"))
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(LifecycleReviews::map)
			.list();
		long counted = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM lifecycle_review r WHERE " + where
				+ " LIMIT " + (Assessments.COUNT_CAP + 1) + ") c"))
			.params(params)
			.query(Long.class)
			.single();
		return new PageResult<>(items, page.page(), page.size(), Math.min(counted, Assessments.COUNT_CAP),
				counted > Assessments.COUNT_CAP, null);
	}

	/**
	 * The latest review of the system at each stage it was reviewed at, in the life's
	 * order.
	 */
	public Map<LifecycleReview.Stage, LifecycleReview> latest(long systemId) {
		Map<LifecycleReview.Stage, LifecycleReview> latest = new EnumMap<>(LifecycleReview.Stage.class);
		list(new Filter(systemId, null, null), PageQuery.of(0, PageQuery.MAX_SIZE, null)).items()
			.forEach(r -> latest.putIfAbsent(r.stage(), r));
		return latest;
	}

	@Transactional
	public LifecycleReview record(NewReview form) {
		InformationSystem system = systems.get(form.systemId());
		if (!access.mayWriteFor(system.ownerAgencyId())) {
			throw new AccessDeniedException("reviews are the owner agency's or the province's");
		}
		if (!system.critical()) {
			throw new InvalidInputException("systemId", "review.notCritical", system.code());
		}
		LocalDate on = form.reviewedOn() != null ? form.reviewedOn() : AssessmentManagement.today();
		if (on.isAfter(AssessmentManagement.today())) {
			throw new InvalidInputException("reviewedOn", "review.date.future");
		}
		String reviewer = Engagements.text("reviewer", form.reviewer(), 300);
		if (reviewer == null) {
			throw new InvalidInputException("reviewer", "review.reviewer.required");
		}
		String findings = Engagements.text("findings", form.findings(), 4000);
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO lifecycle_review (agency_id, system_id, system_code, system_name, stage, reviewed_on, result,
						  reviewer, findings, created_by, created_at)
						VALUES (:agency, :system, :code, :name, :stage, :on, :result, :reviewer, :findings, :by, :at)""")
			.param("agency", system.ownerAgencyId())
			.param("system", system.id())
			.param("code", system.code())
			.param("name", system.name())
			.param("stage", form.stage().name())
			.param("on", java.sql.Date.valueOf(on))
			.param("result", form.result().name())
			.param("reviewer", reviewer)
			.param("findings", findings)
			.param("by", access.actor())
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("systemId", system.id());
		after.put("stage", form.stage().code());
		after.put("reviewedOn", on.toString());
		after.put("result", form.result().code());
		after.put("reviewer", reviewer);
		if (findings != null) {
			after.put("findings", findings);
		}
		audit.record("CREATE", "lifecycle_review", id, null, after);
		return get(id);
	}

	@Transactional
	public LifecycleReview.Document addDocument(long reviewId, InputStream content, String filename,
			@Nullable String contentType, long size) {
		LifecycleReview review = get(reviewId);
		if (!access.mayWriteFor(review.agencyId())) {
			throw new AccessDeniedException("reviews are the owner agency's or the province's");
		}
		EvidenceFiles.Kept kept = files.keep(review.agencyId(), content, filename, contentType, size);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO lifecycle_review_document (review_id, file_id, filename, content_type, size_bytes, sha256,
				  uploaded_by, uploaded_at)
				VALUES (:review, :file, :name, :type, :size, :sha, :by, :at)""")
			.param("review", reviewId)
			.param("file", kept.file().id())
			.param("name", kept.file().filename())
			.param("type", kept.contentType())
			.param("size", kept.file().size())
			.param("sha", kept.file().sha256())
			.param("by", access.actor())
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("LIFECYCLE_REVIEW_DOCUMENT_ADDED", "lifecycle_review_document", id, null,
				Map.of("reviewId", reviewId, "fileId", kept.file().id(), "filename", kept.file().filename(), "sha256",
						kept.file().sha256(), "size", kept.file().size()));
		return document(reviewId, id);
	}

	public List<LifecycleReview.Document> documents(long reviewId) {
		get(reviewId);
		return jdbc.sql("SELECT * FROM lifecycle_review_document WHERE review_id = :id ORDER BY id")
			.param("id", reviewId)
			.query(LifecycleReviews::mapDocument)
			.list();
	}

	public LifecycleReview.Document document(long reviewId, long documentId) {
		get(reviewId);
		return jdbc.sql("SELECT * FROM lifecycle_review_document WHERE review_id = :review AND id = :id")
			.param("review", reviewId)
			.param("id", documentId)
			.query(LifecycleReviews::mapDocument)
			.optional()
			.orElseThrow(() -> new NotFoundException("lifecycle review document", documentId));
	}

	/** The document's file as stored; the caller closes it. */
	public InputStream open(LifecycleReview.Document document) {
		return files.open(document.fileId(), document.id());
	}

	static LifecycleReview map(ResultSet rs, int n) throws SQLException {
		return new LifecycleReview(rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("system_id"),
				rs.getString("system_code"), rs.getString("system_name"),
				LifecycleReview.Stage.valueOf(rs.getString("stage")), rs.getDate("reviewed_on").toLocalDate(),
				LifecycleReview.Result.valueOf(rs.getString("result")), rs.getString("reviewer"),
				rs.getString("findings"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	static LifecycleReview.Document mapDocument(ResultSet rs, int n) throws SQLException {
		return new LifecycleReview.Document(rs.getLong("id"), rs.getLong("review_id"), rs.getLong("file_id"),
				rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
	}

}
