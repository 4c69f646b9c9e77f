package vn.khien.registry.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Agencies;
import vn.khien.registry.FocalPointDuty;
import vn.khien.registry.FocalPoints;
import vn.khien.registry.web.FocalPointPayloads.FocalPointForm;
import vn.khien.registry.web.FocalPointPayloads.FocalPointView;
import vn.khien.registry.web.FocalPointPayloads.HistoryView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "focal points")
class FocalPointApi {

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private final FocalPoints focalPoints;

	private final Agencies agencies;

	FocalPointApi(FocalPoints focalPoints, Agencies agencies) {
		this.focalPoints = focalPoints;
		this.agencies = agencies;
	}

	/** Active focal points in scope; {@code agency} is an id or a code. */
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/focal-points")
	PageResult<FocalPointView> list(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable FocalPointDuty duty,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		Long agencyId = agency == null || agency.isBlank() ? null : agencies.resolve(agency).id();
		return focalPoints.list(new FocalPoints.Filter(agencyId, duty, q), PageQuery.of(page, size, sort))
			.map(FocalPointView::from);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/focal-points/{id}")
	FocalPointView get(@PathVariable long id) {
		return FocalPointView.from(focalPoints.get(id));
	}

	@PreAuthorize(WRITERS)
	@PostMapping("/focal-points")
	@ResponseStatus(HttpStatus.CREATED)
	FocalPointView create(@Valid @RequestBody FocalPointForm form) {
		return FocalPointView.from(focalPoints.create(form.details(null)));
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/focal-points/{id}")
	FocalPointView update(@PathVariable long id, @Valid @RequestBody FocalPointForm form) {
		long agencyId = focalPoints.get(id).agencyId();
		return FocalPointView.from(focalPoints.update(id, form.details(agencyId)));
	}

	@PreAuthorize(WRITERS)
	@DeleteMapping("/focal-points/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable long id) {
		focalPoints.retire(id);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/focal-points")
	List<FocalPointView> ofAgency(@PathVariable long id) {
		return focalPoints.ofAgency(id).stream().map(FocalPointView::from).toList();
	}

	/**
	 * The agency confirms its focal points are unchanged; they count as confirmed today.
	 */
	@PreAuthorize(WRITERS)
	@PostMapping("/agencies/{id}/focal-points/confirm")
	List<FocalPointView> confirm(@PathVariable long id) {
		return focalPoints.confirm(id).stream().map(FocalPointView::from).toList();
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/focal-points/history")
	List<HistoryView> history(@PathVariable long id) {
		return focalPoints.history(id).stream().map(HistoryView::from).toList();
	}

}
