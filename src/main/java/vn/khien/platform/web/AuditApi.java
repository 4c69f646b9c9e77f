package vn.khien.platform.web;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.AuditChain;
import vn.khien.platform.AuditEntry;
import vn.khien.platform.AuditTrail;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit")
class AuditApi {

	private final AuditTrail trail;

	private final AuditChain chain;

	AuditApi(AuditTrail trail, AuditChain chain) {
		this.trail = trail;
		this.chain = chain;
	}

	@Operation(operationId = "listAuditEntries", summary = "Search the audit trail", description = """
			Entries of the audit trail, newest first: who did what to which record, when and from which \
			address, with the record's state before and after. The trail covers the whole province and \
			cannot be changed through any call.
			""")
	@Parameter(name = "sort",
			description = "Newest first by default; `seq` or `occurredAt` (the same order) for oldest first, "
					+ "`-` before it for newest first.")
	@Parameter(name = "actor", description = "Only entries of this username (exact).")
	@Parameter(name = "action",
			description = "Only entries of this action (exact), such as `CREATE`, `UPDATE`, `DELETE`, `LOGIN`.")
	@Parameter(name = "entityType",
			description = "Only entries about this kind of record (exact), such as `agency`, `asset`, `user`.")
	@Parameter(name = "entityId", description = "Only entries about the record with this id (exact).")
	@Parameter(name = "from", description = "From this day on (yyyy-MM-dd, province time), inclusive.")
	@Parameter(name = "to", description = "Up to this day (yyyy-MM-dd, province time), inclusive.")
	@PreAuthorize("hasAnyRole('ADMIN', 'POLICE')")
	@GetMapping
	PageResult<AuditEntry> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return trail.search(filter(actor, action, entityType, entityId, from, to), PageQuery.of(page, size, sort));
	}

	@Operation(operationId = "verifyAuditTrail", summary = "Check that the audit trail is intact", description = """
			Recomputes the trail's SHA-256 hash chain in order and says whether it holds; when it does not, \
			`brokenAt` is the first entry that does not match and `reason` is `missing`, `link`, `version`, \
			`content` or `truncated`. Reads the whole trail: meant for a periodic check, not for every call.
			""")
	@PreAuthorize("hasAnyRole('ADMIN', 'POLICE')")
	@GetMapping("/verify")
	AuditChain.Verification verify() {
		return chain.verify();
	}

	static AuditTrail.Filter filter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {
		Instant start = from == null ? null : from.atStartOfDay(vn.khien.platform.Formats.ZONE).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(vn.khien.platform.Formats.ZONE).toInstant();
		return new AuditTrail.Filter(actor, action, entityType, entityId, start, end);
	}

}
