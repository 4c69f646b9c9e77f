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

	/** {@code from}/{@code to} are days (yyyy-MM-dd, province time), both inclusive. */
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

	@PreAuthorize("hasAnyRole('ADMIN', 'POLICE')")
	@GetMapping("/verify")
	AuditChain.Verification verify() {
		return chain.verify();
	}

	static AuditTrail.Filter filter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {
		Instant start = from == null ? null : from.atStartOfDay(Dates.ZONE).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(Dates.ZONE).toInstant();
		return new AuditTrail.Filter(actor, action, entityType, entityId, start, end);
	}

}
