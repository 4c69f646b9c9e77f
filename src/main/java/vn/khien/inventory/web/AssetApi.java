package vn.khien.inventory.web;

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
import vn.khien.inventory.AssetManagement;
import vn.khien.inventory.Assets;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.inventory.web.AssetPayloads.AssetForm;
import vn.khien.inventory.web.AssetPayloads.AssetView;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "assets")
class AssetApi {

	static final String WRITERS = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')";

	private final Assets assets;

	private final AssetManagement management;

	AssetApi(Assets assets, AssetManagement management) {
		this.assets = assets;
		this.management = management;
	}

	/**
	 * {@code q} is the start of a host name, URL or address; {@code agency} includes the
	 * agencies below it; {@code sort} is {@code hostname} (the default) or
	 * {@code lastSeen}, {@code -} for descending. The total is counted up to 10,000
	 * ({@code totalCapped}); walk a whole list with {@code after=} the {@code next}
	 * cursor of the page before.
	 */
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<AssetView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable Long system,
			@RequestParam(required = false) @Nullable AssetKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) @Nullable String after) {
		return assets.list(new Assets.Filter(q, agency, system, kind), PageQuery.of(page, size, sort, after))
			.map(AssetView::from);
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{id}")
	AssetView get(@PathVariable long id) {
		return AssetView.from(assets.get(id), assets.ports(id));
	}

	@PreAuthorize(WRITERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AssetView create(@Valid @RequestBody AssetForm form) {
		return AssetView.from(management.create(form.details()));
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/{id}")
	AssetView update(@PathVariable long id, @Valid @RequestBody AssetForm form) {
		return AssetView.from(management.update(id, form.details()));
	}

	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		management.delete(id);
	}

}
