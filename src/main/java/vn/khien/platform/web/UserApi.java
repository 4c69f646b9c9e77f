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

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping
	PageResult<UserView> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String q) {
		return accounts.list(PageQuery.of(page, size, sort), q).map(UserView::from);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@Valid @RequestBody NewUser user) {
		long id = accounts.create(user.account());
		return UserView.from(administration.get(id));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@GetMapping("/{id}")
	UserView get(@PathVariable long id) {
		return UserView.from(administration.get(id));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PutMapping("/{id}")
	UserView update(@PathVariable long id, @Valid @RequestBody UserUpdate update) {
		administration.update(id, update.details(), update.enabled());
		return UserView.from(administration.get(id));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/{id}/roles")
	UserView roles(@PathVariable long id, @Valid @RequestBody RolesRequest request) {
		administration.setRoles(id, request.roles());
		return UserView.from(administration.get(id));
	}

}
