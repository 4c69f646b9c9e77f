package vn.khien.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.InvalidInputException;
import vn.khien.registry.importing.AgencyImport;
import vn.khien.registry.importing.AgencyImport.Report;

/**
 * Bulk import of agencies. {@code mode=preview} (default) writes nothing; {@code commit} writes all
 * rows or nothing; {@code commitValid} writes the valid rows only. Send a new {@code file}, or the
 * {@code fileId} of a file a preview already stored; {@code recordedFrom} (yyyy-MM-dd) dates the
 * history of created agencies (default today).
 */
@RestController
@RequestMapping("/api/v1/agencies/import")
@Tag(name = "agencies")
class AgencyImportApi {

	enum Mode {
		preview, commit, commitValid
	}

	private final AgencyImport imports;

	private final MessageSource messages;

	AgencyImportApi(AgencyImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	ResponseEntity<?> importAgencies(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable Long fileId,
			@RequestParam(defaultValue = "preview") Mode mode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate recordedFrom)
			throws IOException {
		long id;
		if (file != null && !file.isEmpty()) {
			try (InputStream in = file.getInputStream()) {
				String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
				id = imports.store(in, name, file.getContentType()).id();
			}
		}
		else if (fileId != null) {
			id = fileId;
		}
		else if (file != null) {
			// an empty upload is still kept, then refused like any file without data
			id = imports.store(InputStream.nullInputStream(), file.getOriginalFilename() == null ? "upload"
					: file.getOriginalFilename(), file.getContentType()).id();
		}
		else {
			throw new InvalidInputException("file", "import.file.missing");
		}
		try {
			Report report = mode == Mode.preview ? imports.preview(id) : imports.commit(id, mode == Mode.commitValid, recordedFrom);
			if (!report.usable()) {
				throw new AgencyImport.RefusedException(report, "import.refused.file",
						report.fileProblems().get(0).text());
			}
			return ResponseEntity.ok(report);
		}
		catch (AgencyImport.RefusedException ex) {
			return ResponseEntity.unprocessableContent().body(problem(ex));
		}
	}

	private ProblemDetail problem(AgencyImport.RefusedException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setTitle(messages.getMessage("problem.invalid.422", null, "Unprocessable", locale));
		problem.setDetail(messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
		problem.setProperty("code", ex.messageKey());
		problem.setProperty("fileId", ex.report().fileId());
		List<Map<String, Object>> errors = ex.report().problems().stream()
			.map(m -> Map.<String, Object>of("line", m.line(), "message", m.text()))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}
}
