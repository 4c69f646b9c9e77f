package vn.khien.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.FileStore;
import vn.khien.platform.FileStore.StoredFile;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * Bulk import of agencies: the upload is stored first, then read, checked against the registry and
 * shown as a preview; a commit re-reads the same stored file and writes in one transaction.
 */
@Service
public class AgencyImport {

	public enum RowStatus {
		NEW, UPDATE, ERROR
	}

	public record Message(int line, @Nullable String field, String text) {
	}

	public record RowOutcome(int line, @Nullable String code, @Nullable String name, @Nullable String parentCode,
			RowStatus status, List<String> messages) {
	}

	public record Report(long fileId, String filename, boolean committed, int parsed, int created, int updated,
			int errors, List<Message> fileProblems, List<RowOutcome> rows) {

		public boolean usable() {
			return fileProblems.isEmpty();
		}

		public boolean hasErrors() {
			return errors > 0 || !fileProblems.isEmpty();
		}

		/** Every problem with its line, file-level ones first. */
		public List<Message> problems() {
			List<Message> all = new ArrayList<>(fileProblems);
			for (RowOutcome row : rows) {
				for (String m : row.messages()) {
					all.add(new Message(row.line(), null, m));
				}
			}
			return all;
		}

		Report committed(int created, int updated) {
			return new Report(fileId, filename, true, parsed, created, updated, errors, fileProblems, rows);
		}
	}

	/** The import was refused; nothing was written. */
	public static class RefusedException extends InvalidInputException {

		private final transient Report report;

		public RefusedException(Report report, String messageKey, Object... args) {
			super(422, "file", messageKey, args);
			this.report = report;
		}

		public Report report() {
			return report;
		}
	}

	private record Analysis(Report report, List<AgencyRow> ordered, Map<Integer, RowStatus> statusByLine) {
	}

	private final FileStore files;

	private final Agencies agencies;

	private final AgencyManagement management;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	AgencyImport(FileStore files, Agencies agencies, AgencyManagement management, AuditLog audit,
			CurrentUser currentUser, MessageSource messages) {
		this.files = files;
		this.agencies = agencies;
		this.management = management;
		this.audit = audit;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/**
	 * Keeps the upload as received (its own transaction) before anything reads it. The registry belongs to
	 * the province, not to the uploader's agency, so no agency's upload quota is charged.
	 */
	public StoredFile store(InputStream in, String filename, @Nullable String contentType) {
		return files.storeFor(null, in, filename, contentType, AgencyFileReader.MAX_BYTES);
	}

	public Report preview(long fileId) {
		return analyse(fileId).report();
	}

	/**
	 * Writes the file's agencies in one transaction: all rows, or with {@code validOnly} the rows
	 * without errors (a row under an invalid row is invalid too). Refused, writing nothing, when
	 * the file is unusable, when any row has an error and not {@code validOnly}, or when no row is valid.
	 */
	@Transactional
	public Report commit(long fileId, boolean validOnly) {
		return commit(fileId, validOnly, null);
	}

	/**
	 * As {@link #commit(long, boolean)}; new agencies' history starts on {@code recordedFrom} (default
	 * today), so a registry loaded late can still take reorganisations dated before its import.
	 */
	@Transactional
	public Report commit(long fileId, boolean validOnly, @Nullable LocalDate recordedFrom) {
		LocalDate today = LocalDate.now(AgencyManagement.ZONE);
		LocalDate from = recordedFrom == null ? today : recordedFrom;
		if (from.isAfter(today) || from.getYear() < 1945) {
			throw new InvalidInputException("recordedFrom", "import.recordedFrom.invalid",
					from.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		}
		Analysis analysis = analyse(fileId);
		Report report = analysis.report();
		if (!report.usable()) {
			throw new RefusedException(report, "import.refused.file", report.fileProblems().get(0).text());
		}
		if (report.errors() > 0 && !validOnly) {
			throw new RefusedException(report, "import.refused.errors", report.errors());
		}
		if (report.created() + report.updated() == 0) {
			throw new RefusedException(report, "import.refused.nothingValid");
		}
		Map<String, Long> idByCode = new HashMap<>();
		int created = 0;
		int updated = 0;
		for (AgencyRow row : analysis.ordered()) {
			RowStatus status = analysis.statusByLine().get(row.line());
			if (status == RowStatus.ERROR) {
				continue;
			}
			Long parentId = null;
			if (row.parentCode() != null) {
				parentId = idByCode.get(row.parentCode());
				if (parentId == null) {
					parentId = agencies.findByCode(row.parentCode()).orElseThrow().id();
				}
			}
			AgencyKind kind = AgencyKind.parse(row.kind());
			Agency agency;
			if (status == RowStatus.UPDATE) {
				Agency existing = agencies.findByCode(row.code()).orElseThrow();
				// an empty cell keeps what is recorded: an import never erases a head's contacts
				agency = management.update(existing.id(), new AgencyDetails(row.code(), row.name(), kind, parentId,
						or(row.headName(), existing.headName()), or(row.headTitle(), existing.headTitle()),
						or(row.headPhone(), existing.headPhone()), or(row.headEmail(), existing.headEmail()),
						or(row.address(), existing.address())));
				updated++;
			}
			else {
				agency = management.create(new AgencyDetails(row.code(), row.name(), kind, parentId, row.headName(),
						row.headTitle(), row.headPhone(), row.headEmail(), row.address()), from);
				created++;
			}
			idByCode.put(agency.code(), agency.id());
		}
		Report done = report.committed(created, updated);
		audit.record("IMPORT", "agency_import", fileId, null, Map.of("file", report.filename(), "created", created,
				"updated", updated, "skipped", report.errors(), "recordedFrom", from.toString()));
		return done;
	}

	private Analysis analyse(long fileId) {
		StoredFile file = files.find(fileId)
			.filter(f -> f.uploadedBy().equals(currentUser.name()))
			.orElseThrow(() -> new NotFoundException("stored file", fileId));
		ReadResult read;
		try (InputStream in = files.open(file)) {
			read = AgencyFileReader.read(file.filename(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<Message> fileProblems = new ArrayList<>();
		Map<Integer, List<String>> byLine = new HashMap<>();
		for (RowProblem p : read.problems()) {
			String text = text(p, locale);
			if (p.line() == 0 || read.rows().isEmpty()) {
				fileProblems.add(new Message(p.line(), p.field(), p.line() == 0 ? text
						: messages.getMessage(ImportKeys.PROBLEM_LINE, new Object[] { p.line(), text }, locale)));
			}
			else {
				byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(text);
			}
		}
		List<AgencyRow> rows = read.rows();
		List<AgencyRow> ordered;
		try {
			ordered = AgencyFileReader.inParentOrder(rows);
		}
		catch (AgencyCycleException ex) {
			ordered = rows; // the reader reported the cycle on its rows already
		}
		Map<String, Agency> registered = new HashMap<>();
		Map<Long, String> codeById = new HashMap<>();
		for (Agency a : agencies.all()) {
			registered.put(a.code(), a);
			codeById.put(a.id(), a.code());
		}
		Map<String, String> parentOf = new HashMap<>();
		registered.values().forEach(a -> {
			if (a.parentId() != null) {
				parentOf.put(a.code(), codeById.get(a.parentId()));
			}
		});
		Map<String, AgencyRow> fileRows = new LinkedHashMap<>();
		for (AgencyRow row : rows) {
			if (row.code() != null) {
				fileRows.putIfAbsent(row.code(), row);
				if (row.parentCode() == null) {
					parentOf.remove(row.code());
				}
				else {
					parentOf.put(row.code(), row.parentCode());
				}
			}
		}
		Set<Integer> invalid = new HashSet<>(byLine.keySet());
		Map<Integer, RowStatus> statusByLine = new HashMap<>();
		for (AgencyRow row : ordered) {
			List<String> problems = byLine.computeIfAbsent(row.line(), k -> new ArrayList<>());
			if (problems.isEmpty() && row.parentCode() != null) {
				AgencyRow parentRow = fileRows.get(row.parentCode());
				if (parentRow != null && parentRow != row) {
					if (invalid.contains(parentRow.line())) {
						problems.add(field("parent_code", locale) + ": " + messages.getMessage("import.row.parentInvalid",
								new Object[] { row.parentCode(), parentRow.line() }, locale));
					}
				}
				else if (!registered.containsKey(row.parentCode())) {
					problems.add(field("parent_code", locale) + ": " + messages.getMessage("import.row.parentUnknown",
							new Object[] { row.parentCode() }, locale));
				}
				else if (closesCycle(row.code(), parentOf)) {
					problems.add(field("parent_code", locale) + ": " + messages.getMessage("import.row.parentCycle",
							new Object[] { row.parentCode() }, locale));
				}
			}
			if (!problems.isEmpty()) {
				invalid.add(row.line());
			}
			statusByLine.put(row.line(), !problems.isEmpty() ? RowStatus.ERROR
					: registered.containsKey(row.code()) ? RowStatus.UPDATE : RowStatus.NEW);
		}
		List<RowOutcome> outcomes = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int errors = 0;
		for (AgencyRow row : rows) {
			RowStatus status = statusByLine.get(row.line());
			switch (status) {
				case NEW -> created++;
				case UPDATE -> updated++;
				case ERROR -> errors++;
			}
			outcomes.add(new RowOutcome(row.line(), row.code(), row.name(), row.parentCode(), status,
					List.copyOf(byLine.getOrDefault(row.line(), List.of()))));
		}
		Report report = new Report(file.id(), file.filename(), false, rows.size(), created, updated, errors,
				fileProblems, outcomes);
		return new Analysis(report, ordered, statusByLine);
	}

	/** Whether following parents upward from {@code code} leads back to it (through the registry or the file). */
	private static boolean closesCycle(@Nullable String code, Map<String, String> parentOf) {
		if (code == null) {
			return false;
		}
		Set<String> seen = new HashSet<>();
		String current = parentOf.get(code);
		while (current != null && seen.add(current)) {
			if (current.equals(code)) {
				return true;
			}
			current = parentOf.get(current);
		}
		return false;
	}

	private String text(RowProblem p, Locale locale) {
		String text = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
		return p.field() == null || p.line() == 0 ? text : field(p.field(), locale) + ": " + text;
	}

	private String field(String field, Locale locale) {
		return messages.getMessage(ImportKeys.FIELD_PREFIX + field, null, field, locale);
	}

	private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}
}
