package vn.khien.platform.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.AuditChain;
import vn.khien.platform.AuditEntry;
import vn.khien.platform.AuditTrail;
import vn.khien.platform.CsvExport;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;

/**
 * The audit trail viewer: filters live in the URL; the chain can be verified on demand.
 * Codes are shown in words ({@link AuditRows}); the action filter takes a known action
 * only.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

	private final AuditTrail trail;

	private final AuditChain chain;

	private final AuditVocabulary vocabulary;

	private final AuditRows rows;

	private final MessageSource messages;

	AuditPages(AuditTrail trail, AuditChain chain, AuditVocabulary vocabulary, AuditRows rows, MessageSource messages) {
		this.messages = messages;
		this.trail = trail;
		this.chain = chain;
		this.vocabulary = vocabulary;
		this.rows = rows;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'POLICE')")
	@GetMapping
	String audit(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false, defaultValue = "false") boolean verify, Model model, Locale locale) {
		String known = knownAction(action);
		var query = PageQuery.of(page, size == null ? 50 : size, "-seq");
		var result = trail.search(AuditApi.filter(actor, known, entityType, entityId, from, to), query);
		model.addAttribute("result", result);
		model.addAttribute("rows", rows.of(result.items(), locale));
		model.addAttribute("actions", vocabulary.actions(locale));
		model.addAttribute("actor", nz(actor));
		model.addAttribute("action", nz(known));
		model.addAttribute("entityType", nz(entityType));
		model.addAttribute("entityId", nz(entityId));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("verification", verify ? chain.verify() : null);
		return "platform/audit";
	}

	/**
	 * The entries the page's filters select, newest first, as CSV: codes for machines
	 * beside the words for people, the stored states as they are.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'POLICE')")
	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Locale locale, HttpServletResponse response) {
		var filter = AuditApi.filter(actor, knownAction(action), entityType, entityId, from, to);
		List<String> header = java.util.stream.Stream
			.of("audit.seq", "audit.time", "audit.actor", "audit.address", "audit.action", "audit.action",
					"audit.entityType", "audit.entityId", "audit.before", "audit.after")
			.map(k -> messages.getMessage(k, null, k, locale))
			.toList();
		CsvExport.pages(response, "audit.csv", header, "-seq", page -> trail.search(filter, page),
				(AuditEntry e) -> new Object[] { e.seq(), e.occurredAt(), e.actor(), e.address(), e.action(),
						vocabulary.action(e.action(), locale), e.entityType(), e.entityId(), e.beforeState(),
						e.afterState() });
	}

	// NB: an edited address must say what is wrong rather than list nothing
	private @Nullable String knownAction(@Nullable String action) {
		String code = PageQuery.text("action", action);
		if (code != null && !vocabulary.knows(code)) {
			throw new InvalidInputException("action", "error.parameter", "action", code);
		}
		return code;
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}

}
