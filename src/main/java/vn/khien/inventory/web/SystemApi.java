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

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

	@Operation(operationId = "listSystems", summary = "List information systems", description = """
			The information systems the caller sees: a system is visible when its owner agency, or one of \
			the agencies that use it, lies in the caller's scope (the whole province for province-wide \
			roles, an officer's agency and the agencies below it). `editable` says whether the caller may \
			change it, which only the owner's side may.
			""")
	@PreAuthorize(READERS)
	@GetMapping
	PageResult<SystemView> list(@ModelAttribute @ParameterObject SystemListParams params) {
		return systems.list(params.filter(agencies), params.pageQuery())
			.map(s -> SystemView.from(s, systems.mayEdit(s)));
	}

	@Operation(operationId = "exportSystems", summary = "Export information systems as CSV", description = """
			The same filtered, scoped and sorted list as `GET /api/v1/systems`, all of it (at most 10,000 \
			rows) as a CSV file in UTF-8 with a byte-order mark, headers in the caller's language. `page` \
			and `size` are ignored. Text a spreadsheet would run as a formula is prefixed with an apostrophe.
			""")
	@ApiResponse(responseCode = "200", description = "The CSV file (information-systems.csv).",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@PreAuthorize(READERS)
	@GetMapping("/export.csv")
	void export(@ModelAttribute @ParameterObject SystemListParams params, HttpServletResponse response)
			throws IOException {
		csv.write(params, response);
	}

	@Operation(operationId = "getSystem", summary = "Read an information system", description = """
			One system with the agencies that use it (`userAgencyIds`) and how many of its hosts the \
			caller sees (`hostCount`). A system the caller does not see is a 404.
			""")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}")
	SystemView get(@PathVariable long id) {
		InformationSystem s = systems.get(id);
		return SystemView.from(s, systems.mayEdit(s), systems.userAgencyIds(id), systems.hostCount(id));
	}

	@Operation(operationId = "createSystem", summary = "Record an information system", description = """
			Records a system owned by an agency the caller may edit (administrators and operators any, an \
			officer their agency or one below it). Flags and kinds left out take their defaults (false, \
			`NONE`, `INTERNAL`); security levels are set by the compliance process, not here. A code \
			another system has is a 409.
			""")
	@PreAuthorize(WRITERS)
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SystemView create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = @ExampleObject(name = "system", summary = "A critical system holding personal data", value = """
					{"code": "HTTT-SYT-01", "name": "Hospital information system", "ownerAgencyId": 12,
					 "operatorAgencyId": 31, "purpose": "Patient records of the provincial hospitals",
					 "userCount": 2400, "lifecycle": "OPERATING", "hosting": "PROVINCIAL_DATA_CENTRE",
					 "internetFacing": true, "publicServiceLevel": "PARTIAL", "dataClassification": "INTERNAL",
					 "handlesPersonalData": true, "personalSubjectsBasic": 850000, "personalSubjectsSensitive": 120000,
					 "stateSecretGrade": "NONE", "critical": true, "egovernment": false,
					 "monitoringKind": "PROVINCIAL_SOC"}
					"""))) SystemForm form) {
		return SystemView.from(management.create(form.details()), true);
	}

	@Operation(operationId = "updateSystem", summary = "Change an information system", description = """
			Replaces the system's details (the body as for creating it). Only the owner's side may: an \
			agency that only uses a shared system gets a 403, one that does not see it a 404. A new owner \
			stops being one of the system's user agencies.
			""")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/{id}")
	SystemView update(@PathVariable long id, @Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "retire", summary = "A system being retired",
					value = """
							{"code": "HTTT-SYT-01", "name": "Hospital information system", "ownerAgencyId": 12,
							 "operatorAgencyId": 31, "purpose": "Patient records of the provincial hospitals",
							 "userCount": 2400, "lifecycle": "RETIRED", "hosting": "PROVINCIAL_DATA_CENTRE",
							 "internetFacing": true, "publicServiceLevel": "PARTIAL", "dataClassification": "INTERNAL",
							 "handlesPersonalData": true, "personalSubjectsBasic": 850000, "personalSubjectsSensitive": 120000,
							 "stateSecretGrade": "NONE", "critical": true, "egovernment": false,
							 "monitoringKind": "PROVINCIAL_SOC"}
							"""))) SystemForm form) {
		return SystemView.from(management.update(id, form.details()), true);
	}

	@Operation(operationId = "deleteSystem", summary = "Delete or retire an information system", description = """
			Deletes the system, or, when hosts are attached to it, retires it instead (`lifecycle` \
			`RETIRED`) so that their history stays linked. Only the owner's side may (403 for a user agency \
			of a shared system, 404 for one that does not see it).
			""")
	@ApiResponse(responseCode = "200", description = "Hosts are attached: the system was retired, not deleted.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}")
	ResponseEntity<SystemView> delete(@PathVariable long id) {
		if (management.delete(id) == SystemManagement.Removal.RETIRED) {
			return ResponseEntity.ok(SystemView.from(systems.get(id), true));
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "listSystemProducts", summary = "List a system's products", description = """
			The products and components the system uses. `domesticAlternativeWarning` flags a foreign \
			product used where a domestic alternative is recorded, on systems of security level 3 or \
			higher or e-government systems. Readable wherever the system is visible.
			""")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}/products")
	List<ProductView> products(@PathVariable long id) {
		InformationSystem s = systems.get(id);
		return products.of(id).stream().map(p -> ProductView.from(s, p)).toList();
	}

	@Operation(operationId = "addSystemProduct", summary = "Add a product to a system", description = """
			Records a product or component the system uses. Only the owner's side may (403 for a user \
			agency of a shared system, 404 for one that does not see it).
			""")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(WRITERS)
	@PostMapping("/{id}/products")
	@ResponseStatus(HttpStatus.CREATED)
	ProductView addProduct(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "database",
							summary = "A foreign database with a domestic alternative",
							value = """
									{"component": "Database", "vendor": "Oracle", "product": "Oracle Database", "version": "19c",
									 "origin": "FOREIGN", "domesticAlternative": "a domestic database product"}
									"""))) ProductForm form) {
		var product = products.add(id, form.details());
		return ProductView.from(systems.get(id), product);
	}

	@Operation(operationId = "removeSystemProduct", summary = "Remove a product from a system", description = """
			Removes one product entry of the system. Only the owner's side may (403 for a user agency of a \
			shared system, 404 for one that does not see it).
			""")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@Parameter(name = "id", description = "The system's id.")
	@Parameter(name = "productId", description = "The product entry's id.")
	@PreAuthorize(WRITERS)
	@DeleteMapping("/{id}/products/{productId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeProduct(@PathVariable long id, @PathVariable long productId) {
		products.remove(id, productId);
	}

	@Operation(operationId = "getSystemUsers", summary = "List the agencies that use a system", description = """
			The agencies that use the system besides its owner; a system with any is shared. A system the \
			caller does not see is a 404.
			""")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(READERS)
	@GetMapping("/{id}/users")
	UsersView users(@PathVariable long id) {
		return new UsersView(id, systems.userAgencyIds(id));
	}

	@Operation(operationId = "setSystemUsers", summary = "Set the agencies that use a system", description = """
			Replaces the agencies that use the system besides its owner (an empty list makes it unshared). \
			Each agency is named by its id or code and must be one the caller sees; one unknown or out of \
			scope refuses the whole list (400). Only the owner's side may (403 for a user agency, 404 for a \
			system the caller does not see, whatever agencies the body names).
			""")
	@Parameter(name = "id", description = "The system's id.")
	@PreAuthorize(WRITERS)
	@PutMapping("/{id}/users")
	UsersView setUsers(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "shared",
							summary = "Shared with two agencies, by code and by id", value = """
									{"agencies": ["SGDDT", "45"]}
									"""))) UsersRequest request) {
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
