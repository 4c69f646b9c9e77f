package vn.khien.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

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
import org.springframework.web.multipart.MultipartFile;

import vn.khien.platform.InvalidInputException;
import vn.khien.registry.importing.AgencyImport;
import vn.khien.registry.importing.AgencyImport.Report;

/**
 * Upload → preview → confirm. The preview keeps the stored file's id, so the confirm step imports
 * exactly the bytes that were previewed, without a second upload.
 */
@Controller
@RequestMapping("/agencies/import")
class AgencyImportPages {

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private final AgencyImport imports;

	private final MessageSource messages;

	AgencyImportPages(AgencyImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@GetMapping
	String form() {
		return "registry/import/import";
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	String preview(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			return error(model, null, new InvalidInputException("file", "import.file.missing"));
		}
		try (InputStream in = file.getInputStream()) {
			long id = imports.store(in, file.getOriginalFilename(), file.getContentType()).id();
			model.addAttribute("report", imports.preview(id));
			return "registry/import/import";
		}
		catch (InvalidInputException ex) {
			return error(model, null, ex);
		}
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{fileId:\\d+}")
	String commit(@PathVariable long fileId, @RequestParam(defaultValue = "false") boolean validOnly,
			@RequestParam(required = false) String recordedFrom, Model model) {
		try {
			model.addAttribute("report", imports.commit(fileId, validOnly, date(recordedFrom)));
			return "registry/import/import";
		}
		catch (AgencyImport.RefusedException ex) {
			return error(model, ex.report(), ex);
		}
		catch (InvalidInputException ex) {
			return error(model, previewOrNone(fileId), ex);
		}
	}

	/** The preview to show beside a refusal, unless the file itself is what was refused (purged, say). */
	private @Nullable Report previewOrNone(long fileId) {
		try {
			return imports.preview(fileId);
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return text.contains("/") ? LocalDate.parse(text.trim(), DMY) : LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("recordedFrom", "import.recordedFrom.invalid", text.trim());
		}
	}

	private String error(Model model, @Nullable Report report, InvalidInputException ex) {
		model.addAttribute("report", report);
		model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
				LocaleContextHolder.getLocale()));
		return "registry/import/import";
	}
}
