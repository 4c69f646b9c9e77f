package vn.khien.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJob.Problem;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.ImportKind;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.importing.Columns;
import vn.khien.platform.importing.Columns.Column;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.ImportProblems;
import vn.khien.platform.importing.ParseResult;
import vn.khien.platform.importing.TableFormat;
import vn.khien.platform.importing.TableRecord;
import vn.khien.platform.importing.Tables;

/**
 * An event's attendance from a CSV or XLSX list (columns in docs/training.md), as an
 * import job: every row is checked against the event and the registry, and a file with
 * any problem writes nothing.
 */
@Component
public class TrainingAttendanceImport {

	public static final String KIND = "training-attendance";

	public static final String MODULE = "readiness";

	static final long MAX_BYTES = 20L * 1024 * 1024;

	static final Columns COLUMNS = Columns
		.of(Column.of("agency", "agency_code", "mã đơn vị", "đơn vị"),
				Column.of("full_name", "name", "họ và tên", "họ tên"), Column.of("position", "chức vụ"),
				Column.of("email", "thư điện tử"), Column.of("staff_id", "mã cán bộ chuyên trách"),
				Column.of("date", "attended_on", "ngày"))
		.require("agency")
		.require("full_name", "staff_id");

	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

	private final Trainings trainings;

	private final FileStore files;

	private final ImportJobs jobs;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	TrainingAttendanceImport(Trainings trainings, FileStore files, ImportJobs jobs, CurrentUser currentUser,
			AuditLog audit) {
		this.trainings = trainings;
		this.files = files;
		this.jobs = jobs;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** Keeps the upload, then queues its import into the event (404 when not visible). */
	public ImportJob submit(long eventId, InputStream in, String filename, @Nullable String contentType) {
		TrainingEvent event = trainings.get(eventId);
		if (!trainings.mayRecord()) {
			throw InvalidInputException.withStatus(403, "training.forbidden");
		}
		KhienUser user = currentUser.get();
		Long agencyId = trainings.mayWrite(event.agencyId()) ? Long.valueOf(event.agencyId()) : user.agencyId();
		FileStore.StoredFile file = files.storeFor(agencyId, in, filename, contentType, MAX_BYTES);
		TableFormat format = TableFormat.ofFilename(filename).orElseGet(() -> detect(file));
		return jobs.submit(KIND, file, agencyId, null, format.name(), false, Map.of("event", String.valueOf(eventId)));
	}

	private TableFormat detect(FileStore.StoredFile file) {
		try (InputStream in = files.open(file)) {
			byte[] head = in.readNBytes(2);
			return head.length == 2 && head[0] == 'P' && head[1] == 'K' ? TableFormat.XLSX : TableFormat.CSV;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration
	static class Registration {

		@Bean
		ImportKind trainingAttendanceImportKind(TrainingAttendanceImport attendance) {
			return new ImportKind(KIND, MODULE, job -> run -> attendance.process(run));
		}

	}

	Map<String, Long> process(ImportJob.Run run) throws IOException {
		String eventOption = run.job().options().get("event");
		Optional<TrainingEvent> found = eventOption == null ? Optional.empty()
				: trainings.find(Long.parseLong(eventOption));
		if (found.isEmpty()) {
			throw new ImportJob.Failure(Problem.of("training.import.eventGone", null, eventOption));
		}
		TrainingEvent event = found.get();
		TableFormat format = TableFormat.valueOf(String.valueOf(run.job().format()));
		List<Problem> problems = new ArrayList<>();
		Map<String, Integer> firstLine = new HashMap<>();
		Map<Integer, Trainings.Checked> rows = new LinkedHashMap<>();
		ParseResult<Void> result = null;
		try (InputStream in = run.open()) {
			ImportProblems collected = ImportProblems.collecting();
			int parsed = Tables.read(in, format, COLUMNS, collected, record -> {
				Trainings.Checked checked = check(event, record);
				Integer first = firstLine.putIfAbsent(checked.personKey(), record.line());
				if (first != null) {
					throw record.problem("training.import.duplicateRow", checked.fullName(), first);
				}
				rows.put(record.line(), checked);
				if (rows.size() % 500 == 0) {
					run.progress(rows.size());
				}
			});
			result = collected.result(parsed);
		}
		catch (ImportProblem problem) {
			problems.add(problem.toJobProblem());
		}
		if (result != null) {
			result.problems().forEach(p -> problems.add(p.toJobProblem()));
		}
		Set<String> recorded = trainings.recordedKeys(event.id(),
				rows.values().stream().map(Trainings.Checked::personKey).toList());
		rows.forEach((line, c) -> {
			if (recorded.contains(c.personKey())) {
				problems.add(Problem.of("training.import.alreadyRecorded", "line:" + line, c.fullName()));
			}
		});
		long parsed = rows.size();
		if (problems.isEmpty() && rows.isEmpty()) {
			problems.add(Problem.of("import.file.empty", null));
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingLong(TrainingAttendanceImport::position));
			throw new ImportJob.Failure(problems.get(0), problems,
					Map.of("parsed", parsed, "problems", (long) problems.size()));
		}
		trainings.write(event.id(), new ArrayList<>(rows.values()), "IMPORT");
		run.progress(parsed);
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("parsed", parsed);
		counts.put("created", parsed);
		audit.record("TRAINING_ATTENDANCE_IMPORTED", "training_event", event.id(), null,
				Map.of("file", run.file().filename(), "job", run.job().id(), "counts", counts));
		return counts;
	}

	/** One row as an attendee; what is wrong with it is that row's problem. */
	private Trainings.Checked check(TrainingEvent event, TableRecord record) {
		Long staffId = null;
		String staff = record.get("staff_id");
		if (staff != null) {
			try {
				staffId = Long.parseLong(staff);
			}
			catch (NumberFormatException ex) {
				throw record.problem("training.import.staffIdInvalid", staff);
			}
		}
		LocalDate on = null;
		String date = record.get("date");
		if (date != null) {
			on = date(date);
			if (on == null) {
				throw record.problem("training.import.dateInvalid", date);
			}
		}
		try {
			return trainings.check(event, new Trainings.NewAttendee(record.get("agency"), record.get("full_name"),
					record.get("position"), record.get("email"), staffId, on));
		}
		catch (InvalidInputException ex) {
			throw record.problem(ex.messageKey(), ex.args());
		}
	}

	static @Nullable LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text, DAY_FIRST);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/** Problems in file order, whole-file ones first. */
	static long position(Problem p) {
		String location = p.location();
		if (location == null || !location.startsWith("line:")) {
			return -1;
		}
		try {
			return Long.parseLong(location.substring(5));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
