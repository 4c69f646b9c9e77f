package vn.khien.platform.web;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import vn.khien.platform.Accounts;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.web.UserPayloads.NewUser;
import vn.khien.platform.web.UserPayloads.RolesRequest;
import vn.khien.platform.web.UserPayloads.UserUpdate;
import vn.khien.platform.web.UserPayloads.UserView;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users")
@PreAuthorize("hasRole('ADMIN')")
class UserApi {

	private final Accounts accounts;

	private final UserAdministration administration;

	UserApi(Accounts accounts, UserAdministration administration) {
		this.accounts = accounts;
		this.administration = administration;
	}

	@Operation(operationId = "listUsers", summary = "List user accounts", description = """
			Every account, local or from the directory, with its roles, agency or organisation, whether it \
			is enabled, has enrolled a second factor or is locked out. Never a password or secret.
			""")
	@Parameter(name = "q", description = "Text in the username or display name.")
	@Parameter(name = "sort", description = "`username` (the default) or `name`; `-` before it for descending.")
	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping
	PageResult<UserView> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String q) {
		return accounts.list(PageQuery.of(page, size, sort), q).map(UserView::from);
	}

	@Operation(operationId = "createUser", summary = "Create a local account", description = """
			Creates a local account with its roles and password (at least 12 characters). An agency officer \
			needs an agency; a user of an external organisation (`ORGANISATION`) is linked to it with \
			`organisationId`. A username already taken is a 409.
			""")
	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			examples = @ExampleObject(name = "officer", summary = "An officer of the Department of Health", value = """
					{"username": "nguyen.van.an", "displayName": "Nguyễn Văn An", "email": "an.nv@syt.example.vn",
					 "password": "a long passphrase of 12+", "roles": ["AGENCY_OFFICER"], "agencyId": 12}
					"""))) NewUser user) {
		long id = accounts.create(user.account());
		return UserView.from(administration.get(id));
	}

	@Operation(operationId = "getUser", summary = "Read a user account", description = """
			One account with its roles, agency or organisation and sign-in state.
			""")
	@Parameter(name = "id", description = "The account's id.")
	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/{id}")
	UserView get(@PathVariable long id) {
		return UserView.from(administration.get(id));
	}

	@Operation(operationId = "updateUser", summary = "Change a user account",
			description = """
					Changes the display name, e-mail, agency or organisation, and enables or disables the account. \
					Changing the agency or organisation, or disabling the account, ends its web sessions and \
					revokes its tokens at once. An agency officer keeps an agency; disabling one's own account is a 409. Roles and \
					passwords have their own calls.
					""")
	@Parameter(name = "id", description = "The account's id.")
	@PreAuthorize("hasRole('ADMIN')")
	@PutMapping("/{id}")
	UserView update(@PathVariable long id, @Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(name = "disable",
					summary = "Disable an account that moved elsewhere",
					value = """
							{"displayName": "Nguyễn Văn An", "email": "an.nv@syt.example.vn", "agencyId": 12, "enabled": false}
							"""))) UserUpdate update) {
		administration.update(id, update.details(), update.enabled());
		return UserView.from(administration.get(id));
	}

	@Operation(operationId = "setUserRoles", summary = "Set a user's roles", description = """
			Replaces the account's roles; a change ends its web sessions and revokes its tokens at once. \
			`AGENCY_OFFICER` needs the account to have an agency (400); an administrator cannot remove \
			their own `ADMIN` role (409).
			""")
	@Parameter(name = "id", description = "The account's id.")
	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/roles")
	UserView roles(@PathVariable long id,
			@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "responder",
							summary = "An officer who also responds to incidents", value = """
									{"roles": ["AGENCY_OFFICER", "RESPONDER"]}
									"""))) RolesRequest request) {
		administration.setRoles(id, request.roles());
		return UserView.from(administration.get(id));
	}

}
