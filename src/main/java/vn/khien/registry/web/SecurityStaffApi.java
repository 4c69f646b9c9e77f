package vn.khien.registry.web;

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
import vn.khien.registry.SecurityStaff;
import vn.khien.registry.SecurityStaffing;
import vn.khien.registry.web.SecurityStaffPayloads.GapView;
import vn.khien.registry.web.SecurityStaffPayloads.NeededForm;
import vn.khien.registry.web.SecurityStaffPayloads.StaffForm;
import vn.khien.registry.web.SecurityStaffPayloads.StaffingView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "security staff")
class SecurityStaffApi {

	private final SecurityStaffing staffing;

	SecurityStaffApi(SecurityStaffing staffing) {
		this.staffing = staffing;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/agencies/{id}/staff")
	StaffingView get(@PathVariable long id) {
		return StaffingView.from(staffing.headcount(id), staffing.staff(id));
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PutMapping("/agencies/{id}/staff/needed")
	StaffingView setNeeded(@PathVariable long id, @Valid @RequestBody NeededForm form) {
		staffing.setNeeded(id, form.needed());
		return get(id);
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PostMapping("/agencies/{id}/staff")
	@ResponseStatus(HttpStatus.CREATED)
	SecurityStaff add(@PathVariable long id, @Valid @RequestBody StaffForm form) {
		return staffing.add(id, form.details());
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@PutMapping("/agencies/{id}/staff/{staffId}")
	SecurityStaff update(@PathVariable long id, @PathVariable long staffId, @Valid @RequestBody StaffForm form) {
		return staffing.update(id, staffId, form.details());
	}

	@PreAuthorize(FocalPointApi.WRITERS)
	@DeleteMapping("/agencies/{id}/staff/{staffId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id, @PathVariable long staffId) {
		staffing.remove(id, staffId);
	}

	/** Agencies in scope with fewer dedicated security staff than they need. */
	@PreAuthorize("isAuthenticated()")
	@GetMapping("/staff/gaps")
	PageResult<GapView> gaps(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return staffing.gaps(q, PageQuery.of(page, size, sort)).map(GapView::from);
	}

}
