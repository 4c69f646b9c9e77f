package vn.khien.compliance.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khien.compliance.Dossier;
import vn.khien.compliance.DossierStatus;
import vn.khien.compliance.Dossiers;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.law.RulePack;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The dossiers' pages: the list with its overdue filter and the drafting form, and one
 * dossier with its parts, the moves the caller may make, the decision and the history.
 */
@Controller
@RequestMapping("/dossiers")
class DossierPages {

	private final Dossiers dossiers;

	private final Systems systems;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	DossierPages(Dossiers dossiers, Systems systems, AgencyDirectory directory, MessageSource messages) {
		this.dossiers = dossiers;
		this.systems = systems;
		this.directory = directory;
		this.messages = messages;
	}

	@PreAuthorize(DossierApi.READERS)
	@GetMapping
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		var result = dossiers.list(new Dossiers.Filter(null, null, DossierApi.status(status), overdue),
				PageQuery.of(page, size, null));
		Set<Long> agencies = new HashSet<>();
		Map<Long, String> systemNames = new HashMap<>();
		for (Dossier d : result.items()) {
			agencies.add(d.agencyId());
			systems.find(d.systemId()).ifPresent(s -> systemNames.put(d.systemId(), s.code() + " — " + s.name()));
		}
		model.addAttribute("result", result);
		model.addAttribute("labels", directory.labels(agencies));
		model.addAttribute("systemNames", systemNames);
		model.addAttribute("statuses", List.of(DossierStatus.values()));
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
		return "compliance/dossiers";
	}

	@PreAuthorize(DossierApi.DRAFTERS)
	@PostMapping
	String create(@RequestParam(required = false) @Nullable Long systemId,
			@RequestParam(required = false) @Nullable Integer level, RedirectAttributes redirect) {
		try {
			if (systemId == null) {
				throw new InvalidInputException("systemId", "dossier.system.required");
			}
			return "redirect:/dossiers/" + dossiers.create(systemId, level).id();
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
			return "redirect:/dossiers";
		}
	}

	@PreAuthorize(DossierApi.READERS)
	@GetMapping("/{id}")
	String dossier(@PathVariable long id, Model model) {
		Dossier dossier = dossiers.get(id);
		InformationSystem system = systems.find(dossier.systemId()).orElse(null);
		boolean editable = dossiers.mayEdit(dossier)
				&& (dossier.status() == DossierStatus.DRAFT || dossier.status() == DossierStatus.RETURNED);
		model.addAttribute("dossier", dossier);
		model.addAttribute("system", system);
		model.addAttribute("agency", directory.label(dossier.agencyId()).orElse(""));
		model.addAttribute("editable", editable);
		model.addAttribute("mayAppraise", dossiers.mayAct(dossier, RulePack.Approval::appraiser));
		model.addAttribute("mayApprove", dossiers.mayAct(dossier, RulePack.Approval::approver));
		model.addAttribute("overdueNow", dossier.overdue(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))));
		return "compliance/dossier";
	}

	@PreAuthorize(DossierApi.DRAFTERS)
	@PostMapping("/{id}/parts/{part}")
	String writePart(@PathVariable long id, @PathVariable String part,
			@RequestParam(required = false) @Nullable String content, RedirectAttributes redirect) {
		return act(id, redirect, () -> dossiers.writePart(id, part, content), "dossier.part.saved");
	}

	@PreAuthorize(DossierApi.MOVERS)
	@PostMapping("/{id}/files")
	String attach(@PathVariable long id, @RequestParam(required = false) @Nullable String part,
			@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "dossier.file.required");
			}
			if (part == null || part.isBlank()) {
				throw new InvalidInputException("part", "dossier.part.required");
			}
			try (InputStream in = file.getInputStream()) {
				dossiers.attach(id, part.trim(), in,
						file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
						file.getContentType());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}, "dossier.file.saved");
	}

	@PreAuthorize(DossierApi.READERS)
	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long fileId) {
		return DossierApi.fileResponse(dossiers, id, fileId);
	}

	@PreAuthorize(DossierApi.MOVERS)
	@PostMapping("/{id}/transitions")
	String move(@PathVariable long id, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String decisionNumber,
			@RequestParam(required = false) @Nullable String decisionDate,
			@RequestParam(required = false) @Nullable String decisionSigner, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			LocalDate date = null;
			if (decisionDate != null && !decisionDate.isBlank()) {
				try {
					date = LocalDate.parse(decisionDate.trim());
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInputException("decisionDate", "dossier.decision.date");
				}
			}
			dossiers.move(id, new DossierApi.MoveForm(to, note, decisionNumber, date, decisionSigner).toMove());
		}, "dossier.moved");
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
		dossiers.get(id);
		try {
			action.run();
			redirect.addFlashAttribute("notice", message(done));
		}
		catch (InvalidInputException ex) {
			if (ex.status() == 403) {
				// a refusal of the caller, not of what they typed: answered as the API
				// does
				throw ex;
			}
			redirect.addFlashAttribute("error", message(ex.messageKey(), ex.args()));
		}
		return "redirect:/dossiers/" + id;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
