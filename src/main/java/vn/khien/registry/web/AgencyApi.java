package vn.khien.registry.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyHistory;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyStatus;
import vn.khien.registry.web.AgencyPayloads.AgencyForm;
import vn.khien.registry.web.AgencyPayloads.AgencyView;
import vn.khien.registry.web.AgencyPayloads.MoveRequest;

@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "agencies")
class AgencyApi {

	private final Agencies agencies;

	private final AgencyManagement management;

	private final AgencyHistory history;

	AgencyApi(Agencies agencies, AgencyManagement management, AgencyHistory history) {
		this.agencies = agencies;
		this.management = management;
		this.history = history;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<AgencyView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) AgencyKind kind, @RequestParam(required = false) AgencyStatus status,
			@RequestParam(required = false) Long parent, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return agencies.list(new Agencies.Filter(q, kind, status, parent), PageQuery.of(page, size, sort))
			.map(AgencyView::from);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	AgencyView get(@PathVariable long id) {
		return AgencyView.from(agencies.get(id));
	}

	/** The agency's periods; with {@code date}, only the one in force on that day. */
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}/history")
	List<AgencyHistory.Period> history(@PathVariable long id,
			@RequestParam(required = false) @Nullable LocalDate date) {
		if (date == null) {
			return history.of(id);
		}
		return List.of(history.on(id, date).orElseThrow(() -> new NotFoundException("agency period", id)));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AgencyView create(@Valid @RequestBody AgencyForm form) {
		return AgencyView.from(management.create(form.details()));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PutMapping("/{id}")
	AgencyView update(@PathVariable long id, @Valid @RequestBody AgencyForm form) {
		return AgencyView.from(management.update(id, form.details()));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}/move")
	AgencyView move(@PathVariable long id, @RequestBody MoveRequest request) {
		return AgencyView.from(management.move(id, request.parentId()));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/{id}/deactivate")
	AgencyView deactivate(@PathVariable long id) {
		return AgencyView.from(management.deactivate(id));
	}

}
