package vn.khien.oversight;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.incident.IncidentStatistics;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.Formats;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.ImportKind;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.VietnameseText;
import vn.khien.readiness.Trainings;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyStatus;

/**
 * The six-monthly (sơ kết) and annual (tổng kết) reports on carrying out the directives
 * (R9.2), each made by a job of the one import-job mechanism: the request is stored as
 * the job's file, the job gathers the figures as its submitter sees them, writes the file
 * and keeps it; the job's status gives where to download it.
 */
@Service
public class PeriodicReports {

	static final String KIND = "periodic-report";

	static final String MODULE = "oversight";

	/** A request is a few hundred bytes; more is no request. */
	private static final long MAX_REQUEST = 4096;

	private final ImportJobs jobs;

	private final FileStore files;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Dashboard dashboard;

	private final Scorecards scorecards;

	private final IncidentStatistics incidents;

	private final Agencies agencies;

	private final AgencyDirectory directory;

	private final ReportWriter writer;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Trainings trainings;

	PeriodicReports(ImportJobs jobs, FileStore files, CurrentUser currentUser, JdbcClient jdbc, Dashboard dashboard,
			Scorecards scorecards, IncidentStatistics incidents, Agencies agencies, AgencyDirectory directory,
			ReportWriter writer, AuditLog audit, MessageSource messages, Trainings trainings) {
		this.trainings = trainings;
		this.jobs = jobs;
		this.files = files;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.dashboard = dashboard;
		this.scorecards = scorecards;
		this.incidents = incidents;
		this.agencies = agencies;
		this.directory = directory;
		this.writer = writer;
		this.audit = audit;
		this.messages = messages;
	}

	/** A report made: its request, who made it and when, and its file. */
	public record Made(String jobId, @Nullable Long agencyId, @Nullable String agency, ReportRequest.Period period,
			LocalDate from, LocalDate to, ReportRequest.Format format, String createdBy, Instant createdAt,
			String downloadPath) {
	}

	/** A made report's file, to download. */
	public record Download(String filename, String contentType, InputStream content) {
	}

	/**
	 * Queues the report (400 for a bad request, 404 for an agency outside the caller's
	 * scope); the job's status is followed at {@code /api/v1/imports/{id}}.
	 */
	@Transactional
	public ImportJob submit(ReportRequest request) {
		checkScope(request.agencyId());
		Map<String, String> options = options(request);
		String json = "{" + String.join(",",
				options.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
		FileStore.StoredFile file = files.storeFor(null,
				new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "periodic-report.json",
				"application/json", MAX_REQUEST);
		return jobs.submit(KIND, file, request.agencyId(), null, request.format().extension(), false, options);
	}

	/** Reads only what {@link ReportRequest#parse} accepts, so each value is plain. */
	static Map<String, String> options(ReportRequest r) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("period", r.period().code());
		options.put("from", r.from().toString());
		options.put("to", r.to().toString());
		options.put("scope", r.agencyId() == null ? ReportRequest.PROVINCE : Long.toString(r.agencyId()));
		options.put("format", r.format().extension());
		return options;
	}

	/**
	 * The province is reported on by the province's roles; an agency within the scope.
	 */
	void checkScope(@Nullable Long agencyId) {
		AgencyScope scope = currentUser.scope();
		if (agencyId == null) {
			if (!scope.unrestricted()) {
				throw new InvalidInputException("scope", "report.scope.province");
			}
		}
		else if (!scope.includes(agencyId)) {
			throw new NotFoundException("agency", agencyId);
		}
	}

	/** What the job does: gather, write, keep, record. */
	ImportJob.Processor processor(ImportJob job) {
		return run -> {
			Map<String, String> o = run.job().options();
			ReportRequest request = ReportRequest.parse(o.get("period"), o.get("from"), o.get("to"), o.get("scope"),
					o.get("format"));
			checkScope(request.agencyId());
			ReportContents contents = gather(request);
			ReportWriter.Written written = writer.write(contents);
			byte[] bytes = written.bytes();
			FileStore.StoredFile file = files.storeFor(null, new ByteArrayInputStream(bytes), written.filename(),
					request.format().contentType(), Long.MAX_VALUE);
			files.keep(file.id());
			jdbc.sql("""
					INSERT INTO periodic_report (job_id, agency_id, period_kind, period_from, period_to, doc_format,
					  file_id, created_by, created_at)
					VALUES (:job, :agency, :period, :from, :to, :format, :file, :by, :at)""")
				.param("job", run.job().id())
				.param("agency", request.agencyId())
				.param("period", request.period().code())
				.param("from", java.sql.Date.valueOf(request.from()))
				.param("to", java.sql.Date.valueOf(request.to()))
				.param("format", request.format().extension())
				.param("file", file.id())
				.param("by", currentUser.name())
				.param("at", Timestamp.from(Instant.now()))
				.update();
			audit.record("PERIODIC_REPORT_MADE", "periodic_report", run.job().id(), null, options(request));
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("parsed", 1L);
			counts.put("figures", (long) contents.figures().size());
			counts.put("incidents", contents.incidents().total());
			counts.put("bytes", (long) bytes.length);
			return counts;
		};
	}

	/**
	 * The report's contents as the caller sees them, in Vietnamese whatever their
	 * language: what the job writes, and what the schedules mail.
	 */
	ReportContents gather(ReportRequest request) {
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(VietnameseText.LOCALE);
		try {
			Long agencyId = request.agencyId();
			List<DashboardFigure> figures = dashboard.figures(agencyId);
			IncidentStatistics.Statistics byType = incidents.of(IncidentStatistics.By.TYPE, request.from(),
					request.to(), agencyId);
			List<ReportContents.Ranking> rankings = new ArrayList<>();
			Scorecard own = null;
			if (agencyId == null) {
				for (AgencyKind kind : AgencyKind.values()) {
					List<Scorecard> cards = scorecards.ofKind(kind);
					if (!cards.isEmpty()) {
						rankings.add(new ReportContents.Ranking(cards.get(0).kind(), cards));
					}
				}
			}
			else {
				own = scorecards.of(agencyId);
			}
			PageQuery one = PageQuery.of(0, 1, null);
			var training = new ReportContents.Training(
					trainings.list(new Trainings.Filter(agencyId, request.from(), request.to(), null), one).total(),
					trainings
						.people(new Trainings.AttendeeFilter(agencyId, null, request.from(), request.to(), null, null,
								null), one)
						.total());
			return new ReportContents(request, scopeName(agencyId), figures, byType, training, rankings, own,
					LocalDateTime.now(Formats.ZONE));
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

	/**
	 * The agency's name, or for the province its single top agency's (else the bundle's).
	 */
	private String scopeName(@Nullable Long agencyId) {
		if (agencyId != null) {
			return agencies.get(agencyId).name();
		}
		List<Long> tops = directory.tops(currentUser.scope());
		List<Agency> active = tops.stream().map(agencies::get).filter(a -> a.status() == AgencyStatus.ACTIVE).toList();
		return active.size() == 1 ? active.get(0).name()
				: messages.getMessage("report.province", null, VietnameseText.LOCALE);
	}

	/**
	 * The reports made that the caller may read, newest first: the province's for the
	 * province's roles, an agency's for those whose scope holds it.
	 */
	public PageResult<Made> list(PageQuery page) {
		AgencyScope scope = currentUser.scope();
		String where = scope.unrestricted() ? "TRUE" : "r.agency_id IS NOT NULL AND " + scope.filter("r.agency_id");
		List<Made> rows = scope.bind(jdbc
			.sql("SELECT r.* FROM periodic_report r WHERE " + where
					+ " ORDER BY r.created_at DESC, r.job_id LIMIT :limit OFFSET :offset")
			.param("limit", page.size())
			.param("offset", page.offset())).query((rs, n) -> made(rs)).list();
		long total = scope.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM periodic_report r WHERE " + where
				+ " LIMIT " + (ImportJobs.COUNT_CAP + 1) + ") c"))
			.query(Long.class)
			.single();
		return new PageResult<>(rows, page.page(), page.size(), Math.min(total, ImportJobs.COUNT_CAP),
				total > ImportJobs.COUNT_CAP, null);
	}

	private Made made(java.sql.ResultSet rs) throws java.sql.SQLException {
		long agency = rs.getLong("agency_id");
		Long agencyId = rs.wasNull() ? null : agency;
		String jobId = rs.getString("job_id");
		return new Made(jobId, agencyId, agencyId == null ? null : directory.label(agencyId).orElse(null),
				ReportRequest.Period.of(rs.getString("period_kind")), rs.getDate("period_from").toLocalDate(),
				rs.getDate("period_to").toLocalDate(), ReportRequest.Format.of(rs.getString("doc_format")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), downloadPath(jobId));
	}

	/** Where the file is, for the pages; under {@code /api/v1} for the API. */
	static String downloadPath(String jobId) {
		return "/reports/periodic/" + jobId + "/file";
	}

	/** A made report's file: 404 for none, or one the caller may not read. */
	public Download download(String jobId) {
		Optional<long[]> row = jdbc.sql("SELECT file_id, agency_id FROM periodic_report WHERE job_id = :job")
			.param("job", jobId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2) })
			.optional();
		AgencyScope scope = currentUser.scope();
		long[] found = row.filter(r -> r[1] == -1 ? scope.unrestricted() : scope.includes(r[1]))
			.orElseThrow(() -> new NotFoundException("periodic report", jobId));
		FileStore.StoredFile file = files.find(found[0])
			.orElseThrow(() -> new NotFoundException("periodic report", jobId));
		return new Download(file.filename(),
				file.contentType() == null ? "application/octet-stream" : file.contentType(), files.open(file));
	}

	@Configuration
	static class Kind {

		@Bean
		ImportKind periodicReportKind(PeriodicReports reports) {
			return new ImportKind(KIND, MODULE, reports::processor, job -> downloadPath(job.id()));
		}

	}

}
