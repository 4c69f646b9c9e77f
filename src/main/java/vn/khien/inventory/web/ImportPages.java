package vn.khien.inventory.web;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.khien.inventory.AssetImport;
import vn.khien.inventory.Assets;
import vn.khien.platform.ImportJob;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.registry.Agencies;

/** Upload → preview (a dry-run job) → confirm on the job page. */
@Controller
@RequestMapping("/assets/import")
class ImportPages {

	private final AssetImport assetImport;

	private final Agencies agencies;

	private final Assets assets;

	private final org.springframework.context.MessageSource messages;

	ImportPages(AssetImport assetImport, Agencies agencies, Assets assets,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.assetImport = assetImport;
		this.agencies = agencies;
		this.assets = assets;
	}

	@PreAuthorize(AssetApi.WRITERS)
	@GetMapping
	String form(Model model) {
		return page(model, null, null, null, null);
	}

	@PreAuthorize(AssetApi.WRITERS)
	@PostMapping
	String upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String system,
			@RequestParam(required = false) @Nullable String format, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "import.file.required");
			}
			ImportJob job;
			try (InputStream in = file.getInputStream()) {
				job = assetImport.submit(in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
						file.getContentType(), agency, system, format, true);
			}
			return "redirect:/imports/" + job.id();
		}
		catch (InvalidInputException ex) {
			return page(model, agency, system, format, ex);
		}
	}

	private String page(Model model, @Nullable String agency, @Nullable String system, @Nullable String format,
			@Nullable InvalidInputException error) {
		model.addAttribute("systems", assets.systems());
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agencyLabel(agency));
		model.addAttribute("system", system);
		model.addAttribute("format", format);
		model.addAttribute("errorField", error == null ? null : error.field());
		model.addAttribute("errorMessage", error == null ? null : messages.getMessage(error.messageKey(), error.args(),
				error.messageKey(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "imports/assets";
	}

	/**
	 * The label of the agency chosen before (its id, or a code from a link), for the
	 * picker.
	 */
	private String agencyLabel(@Nullable String agency) {
		if (agency == null || agency.isBlank()) {
			return "";
		}
		try {
			return agencies.resolve(agency).label();
		}
		catch (NotFoundException ex) {
			return "";
		}
	}

}
