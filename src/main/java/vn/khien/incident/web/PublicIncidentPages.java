package vn.khien.incident.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.incident.Incidents;
import vn.khien.incident.TrackingCodes;
import vn.khien.platform.InvalidInputException;

/**
 * The public page without sign-in, in Vietnamese and English: a report with up to three
 * screenshots, answered with its tracking code; and the status page of a code. Under the
 * same limits as the JSON twin.
 */
@Controller
@RequestMapping("/incident-report")
@PermitAll
class PublicIncidentPages {

	static final int MAX_FILES = 3;

	/**
	 * What a member of the public may attach: pictures and documents, no archive, no
	 * program.
	 */
	private static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "gif", "webp", "pdf", "txt");

	private final Incidents incidents;

	private final PublicIntake intake;

	private final JsonMapper json;

	private final MessageSource messages;

	PublicIncidentPages(Incidents incidents, PublicIntake intake, JsonMapper json, MessageSource messages) {
		this.incidents = incidents;
		this.intake = intake;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping
	String form() {
		return "incident/public-report";
	}

	@PostMapping
	String report(PublicReportForm form,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!intake.tryAccept(request.getRemoteAddr())) {
			response.setStatus(429);
			model.addAttribute("error", message("incident.public.tooMany"));
			model.addAttribute("form", form);
			return "incident/public-report";
		}
		try {
			if (form.robot()) {
				model.addAttribute("code", TrackingCodes.next());
				return "incident/public-received";
			}
			List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
			if (given.size() > MAX_FILES) {
				throw new InvalidInputException("files", "incident.public.files", MAX_FILES);
			}
			List<Incidents.Attachment> attachments = new ArrayList<>();
			for (MultipartFile f : given) {
				String name = f.getOriginalFilename() == null ? "file" : f.getOriginalFilename();
				String extension = name.contains(".")
						? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
				if (!PICTURES.contains(extension)) {
					throw new InvalidInputException("files", "incident.public.fileType", String.join(", ", PICTURES));
				}
				attachments.add(new Incidents.Attachment(f.getInputStream(), name, f.getContentType(), f.getSize()));
			}
			String code = incidents.reportFromPublic(form.toReport(original(form, given), attachments));
			model.addAttribute("code", code);
			return "incident/public-received";
		}
		catch (InvalidInputException ex) {
			response.setStatus(ex.status());
			model.addAttribute("error", message(ex.messageKey(), ex.args()));
			model.addAttribute("form", form);
			return "incident/public-report";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/status")
	String status(@RequestParam(required = false) @Nullable String code, HttpServletResponse response, Model model) {
		if (code != null && !code.isBlank()) {
			var status = incidents.publicStatus(code);
			if (status.isEmpty()) {
				// NB: a code that does not exist answers as a mistyped one does
				response.setStatus(404);
				model.addAttribute("unknown", true);
			}
			else {
				model.addAttribute("status", status.get());
			}
		}
		return "incident/public-status";
	}

	/** The form as sent, the files by name and size, kept with the report. */
	private String original(PublicReportForm form, List<MultipartFile> files) {
		Map<String, Object> sent = new LinkedHashMap<>();
		sent.put("form", form);
		sent.put("files", files.stream().map(f -> f.getOriginalFilename() + " (" + f.getSize() + " B)").toList());
		return json.writeValueAsString(sent);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
