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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.khien.platform.ImportJob;
import vn.khien.platform.InvalidInputException;
import vn.khien.registry.importing.AgencyImport;

/**
 * Upload → preview (a dry-run job, on its progress page) → confirm there, once. The
 * preview leaves out the rows with errors and lists them; confirming imports the rows it
 * showed as valid, from the same stored file.
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
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String recordedFrom, Model model) throws IOException {
		model.addAttribute("recordedFrom", recordedFrom);
		try {
			if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
				throw new InvalidInputException("file", "import.file.missing");
			}
			var options = new AgencyImport.Options(true, date(recordedFrom));
			ImportJob job;
			try (InputStream in = file.getInputStream()) {
				job = imports.submit(in, file.getOriginalFilename(), file.getContentType(), true, options);
			}
			return "redirect:/imports/" + job.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error",
					messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale()));
			return "registry/import/import";
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

}
