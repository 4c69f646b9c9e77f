package vn.khien.inventory.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.SystemProducts;
import vn.khien.inventory.Systems;
import vn.khien.inventory.web.SystemPayloads.ProductForm;
import vn.khien.inventory.web.SystemPayloads.ProductView;
import vn.khien.inventory.web.SystemPayloads.SystemForm;
import vn.khien.inventory.web.SystemPayloads.SystemView;
import vn.khien.inventory.web.SystemPayloads.UsersRequest;
import vn.khien.inventory.web.SystemPayloads.UsersView;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageResult;
import vn.khien.registry.Agencies;

@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "information systems")
class SystemApi {

	static final String READERS = "hasAnyRole('ADMIN','PROVINCE_OPERATOR','POLICE','LEADERSHIP','AGENCY_OFFICER','RESPONDER')";

	static final String WRITERS = "hasAnyRole('ADMIN','PROVINCE_OPERATOR','AGENCY_OFFICER')";

	private final Systems systems;

	private final SystemManagement management;

	private final SystemProducts products;

	private final Agencies agencies;

	private final SystemCsv csv;

	SystemApi(Systems systems, SystemManagement management, SystemProducts products, Agencies agencies, SystemCsv csv) {
		this.systems = systems;
		this.management = management;
		this.products = products;
		this.agencies = agencies;
		this.csv = csv;
	}

	@PreAuthorize(READERS)
	@GetMapping
	PageResult<SystemView> list(@ModelAttribute SystemListParams params) {
		return systems.list(params.filter(agencies), params.pageQuery())
			.map(s -> SystemView.from(s, systems.mayEdit(s)));
	}

	@PreAuthorize(READERS)
	@GetMapping("/export.csv")
	void export(@ModelAttribute SystemListParams params, HttpServletResponse response) throws IOException {
		csv.write(params, response);
	}

	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	SystemView get(@PathVariable long id) {
		InformationSystem s = systems.get(id);
		return SystemView.from(s, systems.mayEdit(s), systems.userAgencyIds(id), systems.hostCount(id));
	}

	@PreAuthorize(WRITERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SystemView create(@Valid @RequestBody SystemForm form) {
		return SystemView.from(management.create(form.details()), true);
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/{id}")
	SystemView update(@PathVariable long id, @Valid @RequestBody SystemForm form) {
		return SystemView.from(management.update(id, form.details()), true);
	}

	/** 204 when deleted; 200 with the retired system when hosts are attached to it. */
	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}")
	ResponseEntity<SystemView> delete(@PathVariable long id) {
		if (management.delete(id) == SystemManagement.Removal.RETIRED) {
			return ResponseEntity.ok(SystemView.from(systems.get(id), true));
		}
		return ResponseEntity.noContent().build();
	}

	@PreAuthorize(READERS)
	@GetMapping("/{id}/products")
	List<ProductView> products(@PathVariable long id) {
		InformationSystem s = systems.get(id);
		return products.of(id).stream().map(p -> ProductView.from(s, p)).toList();
	}

	@PreAuthorize(WRITERS)
	@PostMapping("/{id}/products")
	@ResponseStatus(HttpStatus.CREATED)
	ProductView addProduct(@PathVariable long id, @Valid @RequestBody ProductForm form) {
		var product = products.add(id, form.details());
		return ProductView.from(systems.get(id), product);
	}

	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}/products/{productId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeProduct(@PathVariable long id, @PathVariable long productId) {
		products.remove(id, productId);
	}

	@PreAuthorize(READERS)
	@GetMapping("/{id}/users")
	UsersView users(@PathVariable long id) {
		return new UsersView(id, systems.userAgencyIds(id));
	}

	@PreAuthorize(WRITERS)
	@PutMapping("/{id}/users")
	UsersView setUsers(@PathVariable long id, @Valid @RequestBody UsersRequest request) {
		// NB: a system out of scope is not found, whatever agencies the body names (as on
		// the page)
		systems.get(id);
		return new UsersView(id, management.setUserAgencies(id, resolveAgencies(agencies, request.agencies())));
	}

	/** Agencies by id or code; one unknown or out of scope refuses the whole list. */
	static List<Long> resolveAgencies(Agencies agencies, List<String> keys) {
		var ids = new ArrayList<Long>();
		for (String key : keys) {
			try {
				ids.add(agencies.resolve(key).id());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("agencies", "system.users.unknown", key.trim());
			}
		}
		return ids;
	}

}
