package vn.khien.platform.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document at /api/docs, which the province's other systems are built from:
 * what every call shares (bearer tokens, scope, lists, problem details) is said here
 * once; {@link ApiOperationRules} adds the shared answers to each operation. The server
 * is relative: each installation serves its own document.
 */
@Configuration
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	static final String JOB_ACCEPTED = "ImportJobAccepted";

	private static final String DESCRIPTION = """
			Information security of the province's agencies: the agency registry and the people accountable \
			in each, information systems, hosts and portals, anti-malware coverage, imports and the audit trail.

			**Authentication.** Every call carries `Authorization: Bearer <token>`. Get a token from \
			`POST /api/v1/auth/token` (username, password and, once enrolled, a TOTP code) or create a \
			personal access token on your account page in the web interface.

			**Scope.** What a call reads depends on the caller: administrators, provincial operators, police, \
			leadership and responders read the whole province; an agency officer reads their own agency and \
			the agencies below it; other roles read no agency-owned records. A record outside the caller's \
			scope answers `404`, exactly like one that does not exist. Writing is narrower: administrators and \
			operators anywhere, an officer only in their agency and below it; elsewhere a write is refused \
			with `403` or `404`, as each operation says. Each operation names the roles that may call it.

			**Lists** take `page` (from 0), `size` (1 to 500, default 25) and `sort` (one of the keys the \
			list names, `-` before it for descending) and answer \
			`{"items": [...], "page": 0, "size": 25, "total": 812, "totalCapped": false, "next": null}`. \
			When `totalCapped` is true, counting stopped at `total` and there are more. Offset paging reaches \
			100,000 rows; lists that offer keyset paging answer a `next` cursor: pass it as `after` to get the \
			page after it and walk the whole list.

			**Imports** answer `202 Accepted` with `{"jobId", "statusUrl"}` and a `Location` header: follow \
			`GET /api/v1/imports/{jobId}` until the job is done.

			**Errors** are RFC 9457 problem details (`application/problem+json`) in the caller's language: \
			send `Accept-Language: vi` (the default) or `en`.
			""";

	@Bean
	OpenAPI khienOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Khiên API")
				.version("v1")
				.description(DESCRIPTION)
				.contact(new Contact().name("The administrators of this Khiên installation"))
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url("/")
				.description("This Khiên installation: the address this document was read from")))
			.components(new Components()
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A token from POST /api/v1/auth/token or a personal access token."))
				.addSchemas(PROBLEM, problemSchema())
				.addSchemas(JOB_ACCEPTED, jobAcceptedSchema())
				.addResponses(ApiOperationRules.BAD_REQUEST, problem(
						"The request is invalid: a field, parameter, sort key or cursor the call does not take.", 400,
						"Invalid input", "Some fields are invalid; see the list of errors.",
						Map.of("errors", List.of(Map.of("field", "code", "message", "must not be blank")))))
				.addResponses(ApiOperationRules.UNAUTHORIZED,
						problem("No valid token: it is missing, expired or revoked.", 401, "Not authenticated",
								"Send a valid access token (Authorization: Bearer ...).", Map.of()))
				.addResponses(ApiOperationRules.FORBIDDEN,
						problem("The caller's role may not do this, or not for this agency.", 403, "Forbidden",
								"Your role may not do this.", Map.of()))
				.addResponses(ApiOperationRules.NOT_FOUND, problem(
						"The record does not exist or lies outside the caller's scope (the two are not told apart).",
						404, "Not found", "The record does not exist or lies outside your scope.", Map.of()))
				.addResponses(ApiOperationRules.CONFLICT,
						problem("The change clashes with stored data: a duplicate code, a record in another state.",
								409, "Conflict", "Code \"SYT\" is already used by another agency.",
								Map.of("code", "agency.code.taken")))
				.addResponses(ApiOperationRules.CONTENT_TOO_LARGE,
						problem("The file is larger than allowed, or does not fit in the agency's upload quota.", 413,
								"File too large", "The file is larger than allowed (200 MB).",
								Map.of("code", "upload.tooLarge")))
				.addResponses("Gone", problem(
						"The uploaded file is no longer kept (purged after the retention period): upload it again.",
						410, "No longer kept",
						"The upload \"hosts.csv\" has been deleted after its retention period. Upload the file again.",
						Map.of("code", "upload.purged")))
				.addResponses("SignInRefused",
						problem("Wrong username or password, a TOTP code missing or wrong, or the account locked.", 401,
								"Sign-in failed", "Wrong username or password.", Map.of("code", "auth.badCredentials")))
				.addResponses("SignInForbidden", problem(
						"The account must first enrol a second factor on the web, or the directory gives it no access.",
						403, "Not allowed",
						"Your account requires two-factor authentication: enrol TOTP in the web interface first.",
						Map.of("code", "auth.totpEnrolmentRequired")))
				.addResponses("TooManySignIns",
						problem("Too many failed sign-ins from the caller's address; try again in a few minutes.", 429,
								"Too many attempts",
								"Too many failed sign-ins from this address. Try again in a few minutes.",
								Map.of("code", "auth.throttled")))
				.addResponses("SignInUnavailable",
						problem("The user directory cannot be reached, or the TOTP check is misconfigured.", 503,
								"Service unavailable", "The user directory cannot be reached; try again later.",
								Map.of("code", "auth.directoryUnavailable"))))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	@Bean
	OperationCustomizer apiOperationRules() {
		return new ApiOperationRules();
	}

	/** RFC 9457 with what {@link ApiProblems} adds: a message key and field errors. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Schema errors = new ArraySchema().items(new ObjectSchema()
			.addProperty("field", new StringSchema().description("The field or parameter at fault."))
			.addProperty("message", new StringSchema().description("What is wrong with it, in the caller's language.")))
			.description("The fields at fault, when the problem is about input.");
		return new ObjectSchema().description("An RFC 9457 problem detail.")
			.addProperty("type", new StringSchema().description("`about:blank` unless a more precise type is given."))
			.addProperty("title", new StringSchema().description("A short summary, in the caller's language."))
			.addProperty("status", new IntegerSchema().description("The HTTP status."))
			.addProperty("detail", new StringSchema().description("What went wrong, in the caller's language."))
			.addProperty("instance", new StringSchema().description("The address that was called."))
			.addProperty("code",
					new StringSchema().description("A stable key for the problem, for programs to act on."))
			.addProperty("errors", errors)
			.required(List.of("title", "status"));
	}

	@SuppressWarnings("rawtypes")
	private static Schema jobAcceptedSchema() {
		return new ObjectSchema().description("An import job was queued; follow it at statusUrl.")
			.addProperty("jobId", new StringSchema().description("The job's id."))
			.addProperty("statusUrl",
					new StringSchema().description("Where to read the job's state: /api/v1/imports/{jobId}."))
			.required(List.of("jobId", "statusUrl"));
	}

	private static ApiResponse problem(String description, int status, String title, String detail,
			Map<String, Object> extra) {
		var example = new java.util.LinkedHashMap<String, Object>();
		example.put("type", "about:blank");
		example.put("title", title);
		example.put("status", status);
		example.put("detail", detail);
		example.putAll(extra);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
						.addExamples("problem", new Example().value(example))));
	}

}
