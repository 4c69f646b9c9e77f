package vn.khien.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.FileStore.StoredFile;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJob.Problem;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.ImportKind;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.Role;
import vn.khien.platform.SystemPrincipal;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.TableFormat;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.Imported;
import vn.khien.registry.AgencyManagement.ImportedCounts;

/**
 * Bulk import of agencies, as an import job: the upload is stored first, then read,
 * checked against the registry and written in one transaction; a preview (dry run) is
 * confirmed once. The work is linear in the rows: one read of the file, one load of the
 * registry, parents resolved from in-memory indexes, and the writes in batches
 * ({@link AgencyManagement#importAll}).
 */
@Service
public class AgencyImport {

	public static final String KIND = "agencies";

	static final String MODULE = "registry";

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/**
	 * How an import writes: with {@code validOnly} the rows without errors (a row under a
	 * faulty row is faulty too), otherwise every row or, when any has an error, nothing;
	 * new agencies' history starts on {@code recordedFrom} (null: the day it runs), so a
	 * registry loaded late can still take reorganisations dated before its import.
	 */
	public record Options(boolean validOnly, @Nullable LocalDate recordedFrom) {

		static final String VALID_ONLY = "validOnly";

		static final String RECORDED_FROM = "recordedFrom";

		Map<String, String> toMap() {
			Map<String, String> map = new HashMap<>();
			map.put(VALID_ONLY, Boolean.toString(validOnly));
			if (recordedFrom != null) {
				map.put(RECORDED_FROM, recordedFrom.toString());
			}
			return map;
		}

		static Options of(Map<String, String> map) {
			String from = map.get(RECORDED_FROM);
			return new Options(Boolean.parseBoolean(map.get(VALID_ONLY)), from == null ? null : LocalDate.parse(from));
		}

		/**
		 * @throws InvalidInputException {@code import.recordedFrom.invalid} for a date in
		 * the future or before 1945
		 */
		Options checked() {
			LocalDate today = LocalDate.now(AgencyManagement.ZONE);
			if (recordedFrom != null && (recordedFrom.isAfter(today) || recordedFrom.getYear() < 1945)) {
				throw new InvalidInputException("recordedFrom", "import.recordedFrom.invalid",
						recordedFrom.format(DMY));
			}
			return this;
		}
	}

	private enum Status {

		NEW, UPDATE, ERROR

	}

	private final FileStore files;

	private final ImportJobs jobs;

	private final Agencies agencies;

	private final AgencyManagement management;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	AgencyImport(FileStore files, ImportJobs jobs, Agencies agencies, AgencyManagement management, AuditLog audit,
			CurrentUser currentUser) {
		this.files = files;
		this.jobs = jobs;
		this.agencies = agencies;
		this.management = management;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	@Configuration
	static class Registration {

		@Bean
		ImportKind agencyImportKind(AgencyImport agencyImport) {
			return new ImportKind(KIND, MODULE, agencyImport::processor);
		}

	}

	/**
	 * Keeps the upload as received (its own transaction) before anything reads it. The
	 * registry belongs to the province, not to the uploader's agency, so no agency's
	 * upload quota is charged.
	 */
	public StoredFile store(InputStream in, String filename, @Nullable String contentType) {
		return files.storeFor(null, in, filename, contentType, AgencyFileReader.MAX_BYTES);
	}

	/**
	 * Keeps the upload, then queues its import; {@code dryRun} for a preview to confirm.
	 */
	public ImportJob submit(InputStream in, String filename, @Nullable String contentType, boolean dryRun,
			Options options) {
		Options checked = options.checked();
		return jobs.submit(KIND, store(in, filename, contentType), null, null, null, dryRun, checked.toMap());
	}

	/** Queues the import of a file the caller uploaded before (404 for anyone else's). */
	public ImportJob submit(long fileId, boolean dryRun, Options options) {
		Options checked = options.checked();
		StoredFile file = files.find(fileId)
			.filter(f -> f.uploadedBy().equals(currentUser.name()))
			.orElseThrow(() -> new NotFoundException("stored file", fileId));
		return jobs.submit(KIND, file, null, null, null, dryRun, checked.toMap());
	}

	ImportJob.Processor processor(ImportJob job) {
		return run -> importFile(run.file(), Options.of(run.job().options()), run.job().dryRun(), run::progress,
				run::leftOut);
	}

	/**
	 * One run of the import: reads the stored file, checks every row against the
	 * registry, writes. Rows left out (with {@code validOnly}) go to {@code leftOut} with
	 * their problems.
	 * @return the counts {@code parsed}, {@code created}, {@code updated},
	 * {@code skipped}
	 * @throws ImportJob.Failure when the file cannot be used, when no row is valid, or
	 * when a row has an error and not {@code validOnly}; nothing is written then
	 */
	Map<String, Long> importFile(StoredFile file, Options options, boolean dryRun, LongConsumer progress,
			Consumer<Problem> leftOut) {
		if (!mayImport()) {
			throw new ImportJob.Failure(Problem.of(ImportKeys.FORBIDDEN, null));
		}
		TableFormat format = TableFormat.ofFilename(file.filename())
			.orElseThrow(() -> new ImportJob.Failure(Problem.of(ImportKeys.FILE_TYPE, null, file.filename())));
		ReadResult read;
		try (InputStream in = files.open(file)) {
			read = AgencyFileReader.read(in, format, progress);
		}
		catch (ImportProblem problem) {
			throw new ImportJob.Failure(problem.toJobProblem());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		progress.accept(read.rows().size());
		Analysis analysis = analyse(read);
		long parsed = read.rows().size();
		long errors = analysis.status.values().stream().filter(s -> s == Status.ERROR).count();
		List<Problem> problems = analysis.problems.stream().map(ImportProblem::toJobProblem).toList();
		if (errors == parsed || errors > 0 && !options.validOnly()) {
			throw new ImportJob.Failure(problems.get(0), problems,
					counts("parsed", parsed, "errors", errors, "problems", (long) problems.size()));
		}
		problems.forEach(leftOut);
		List<Imported> valid = new ArrayList<>();
		for (AgencyRow row : read.ordered()) {
			if (analysis.status.get(row.line()) != Status.ERROR) {
				valid.add(new Imported(row.code(), row.name(), AgencyKind.parse(row.kind()), row.parentCode(),
						row.headName(), row.headTitle(), row.headPhone(), row.headEmail(), row.address()));
			}
		}
		LocalDate from = options.recordedFrom() == null ? LocalDate.now(AgencyManagement.ZONE) : options.recordedFrom();
		ImportedCounts written = management.importAll(valid, from, !dryRun);
		if (!dryRun) {
			audit.record("IMPORT", "agency_import", file.id(), null,
					Map.of("file", file.filename(), "created", written.created(), "updated", written.updated(),
							"skipped", errors, "recordedFrom", from.toString()));
		}
		return counts("parsed", parsed, "created", (long) written.created(), "updated", (long) written.updated(),
				"skipped", errors);
	}

	private boolean mayImport() {
		return currentUser.find().map(u -> u.has(Role.ADMIN) || u.has(Role.PROVINCE_OPERATOR)).orElse(false)
				|| currentUser.system().map(s -> s.may(SystemPrincipal.Permission.WRITE_PROVINCE)).orElse(false);
	}

	private record Analysis(Map<Integer, Status> status, List<ImportProblem> problems) {
	}

	/**
	 * Checks the rows against the registry, in parent order so that a row under a faulty
	 * row is faulty too. Linear: the registry is loaded once, parents are looked up in
	 * maps, loops are found walking each code once.
	 */
	private Analysis analyse(ReadResult read) {
		Map<Integer, List<ImportProblem>> byLine = new HashMap<>();
		for (ImportProblem p : read.problems()) {
			byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
		}
		Map<String, Agency> registered = new HashMap<>();
		Map<Long, String> codeById = new HashMap<>();
		for (Agency a : agencies.all()) {
			registered.put(a.code(), a);
			codeById.put(a.id(), a.code());
		}
		Map<String, @Nullable String> parentOf = new HashMap<>();
		registered.values()
			.forEach(a -> parentOf.put(a.code(), a.parentId() == null ? null : codeById.get(a.parentId())));
		Map<String, AgencyRow> fileRows = new LinkedHashMap<>();
		for (AgencyRow row : read.rows()) {
			if (row.code() != null && fileRows.putIfAbsent(row.code(), row) == null) {
				parentOf.put(row.code(), row.parentCode());
			}
		}
		Set<String> onLoop = AgencyManagement.onLoops(parentOf);
		String column = read.label(AgencyColumn.PARENT_CODE);
		Set<Integer> invalid = new HashSet<>(byLine.keySet());
		Map<Integer, Status> status = new HashMap<>();
		List<ImportProblem> found = new ArrayList<>(read.problems());
		for (AgencyRow row : read.ordered()) {
			String parent = row.parentCode();
			ImportProblem problem = null;
			if (!invalid.contains(row.line()) && parent != null) {
				AgencyRow parentRow = fileRows.get(parent);
				if (parentRow != null && invalid.contains(parentRow.line())) {
					problem = ImportProblem.atLine(row.line(), ImportKeys.ROW_PARENT_INVALID, column, parent,
							parentRow.line());
				}
				else if (parentRow == null && !registered.containsKey(parent)) {
					problem = ImportProblem.atLine(row.line(), ImportKeys.ROW_PARENT_UNKNOWN, column, parent);
				}
				else if (onLoop.contains(row.code())) {
					problem = ImportProblem.atLine(row.line(), ImportKeys.ROW_PARENT_CYCLE, column, parent);
				}
			}
			if (problem != null) {
				found.add(problem);
				invalid.add(row.line());
			}
			status.put(row.line(), invalid.contains(row.line()) ? Status.ERROR
					: registered.containsKey(row.code()) ? Status.UPDATE : Status.NEW);
		}
		found.sort(Comparator.comparingInt(ImportProblem::line));
		return new Analysis(status, found);
	}

	private static Map<String, Long> counts(Object... pairs) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			counts.put((String) pairs[i], (Long) pairs[i + 1]);
		}
		return counts;
	}

}
