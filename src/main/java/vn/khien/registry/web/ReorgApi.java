package vn.khien.registry.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.Reorganisations;
import vn.khien.registry.web.ReorgPayloads.MergeRequest;
import vn.khien.registry.web.ReorgPayloads.ReorganisationView;
import vn.khien.registry.web.ReorgPayloads.SplitRequest;

@RestController
@RequestMapping("/api/v1/reorganisations")
@Tag(name = "reorganisations")
class ReorgApi {

	private final Reorganisations reorganisations;

	ReorgApi(Reorganisations reorganisations) {
		this.reorganisations = reorganisations;
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<ReorganisationView> list(@RequestParam(required = false) Long agency,
			@RequestParam(required = false) Reorganisations.Kind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		return reorganisations.list(agency, kind, PageQuery.of(page, size, sort)).map(ReorganisationView::from);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	ReorganisationView get(@PathVariable long id) {
		return ReorganisationView.from(reorganisations.get(id));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/merge")
	@ResponseStatus(HttpStatus.CREATED)
	ReorganisationView merge(@Valid @RequestBody MergeRequest request) {
		return ReorganisationView.from(reorganisations.merge(request.toMerge()));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR')")
	@PostMapping("/split")
	@ResponseStatus(HttpStatus.CREATED)
	ReorganisationView split(@Valid @RequestBody SplitRequest request) {
		return ReorganisationView.from(reorganisations.split(request.toSplit()));
	}

}
