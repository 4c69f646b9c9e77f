package vn.khien.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.annotation.security.PermitAll;

/**
 * What every operation of the API shares, stated once rather than on each handler: who
 * may call it (read from its {@code @PreAuthorize}), the problem answers that apply to
 * it, the paging parameters and the 202 of an import job. An answer a handler documents
 * itself is kept.
 */
class ApiOperationRules implements OperationCustomizer {

	static final String BAD_REQUEST = "BadRequest";

	static final String UNAUTHORIZED = "Unauthorized";

	static final String FORBIDDEN = "Forbidden";

	static final String NOT_FOUND = "NotFound";

	static final String CONFLICT = "Conflict";

	static final String CONTENT_TOO_LARGE = "ContentTooLarge";

	private static final String MULTIPART = "multipart/form-data";

	private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

	private static final Set<String> READS = Set.of("GET", "HEAD");

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		uploadsAsMultipart(operation);
		boolean open = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PermitAll.class);
		if (open) {
			// NB: an empty list, not none: the global bearer requirement does not apply
			operation.setSecurity(List.of());
		}
		else {
			List<String> roles = roles(handler);
			appendCallers(operation, roles);
			answer(operation, "401", UNAUTHORIZED);
			if (!roles.isEmpty()) {
				answer(operation, "403", FORBIDDEN);
			}
		}
		answerProblems(operation, open, httpMethod(handler));
		if (operation.getParameters() != null) {
			operation.getParameters().forEach(ApiOperationRules::describePaging);
		}
		describeJobAccepted(operation);
		ApiResponse noContent = operation.getResponses().get("204");
		if (noContent != null) {
			// NB: springdoc gives it the return type of a handler that also answers 200
			noContent.setContent(null);
		}
		sortResponses(operation);
		return operation;
	}

	/**
	 * 400 for input (parameters or a body), 404 for a record named in the path, 409 for a
	 * change that may clash with stored data, 413 for an upload.
	 */
	private static void answerProblems(Operation operation, boolean open, @Nullable String method) {
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		boolean upload = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey(MULTIPART);
		if (!parameters.isEmpty() || operation.getRequestBody() != null) {
			answer(operation, "400", BAD_REQUEST);
		}
		if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
			answer(operation, "404", NOT_FOUND);
		}
		// NB: an upload's problems with its data are the job's, not the request's
		if (!open && !upload && method != null && !READS.contains(method)) {
			answer(operation, "409", CONFLICT);
		}
		if (upload) {
			answer(operation, "413", CONTENT_TOO_LARGE);
		}
	}

	/**
	 * A body with a file in it is sent as multipart/form-data, whatever springdoc guessed
	 * for a handler that names no {@code consumes} (it guesses JSON).
	 */
	@SuppressWarnings("rawtypes")
	private static void uploadsAsMultipart(Operation operation) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		Content content = operation.getRequestBody().getContent();
		for (String type : List.copyOf(content.keySet())) {
			Schema schema = content.get(type).getSchema();
			boolean file = schema != null && schema.getProperties() != null
					&& ((Map<?, ?>) schema.getProperties()).values()
						.stream()
						.anyMatch(p -> "binary".equals(((Schema) p).getFormat()));
			if (file && !MULTIPART.equals(type)) {
				MediaType multipart = content.computeIfAbsent(MULTIPART, k -> new MediaType());
				if (multipart.getSchema() == null) {
					multipart.setSchema(schema);
				}
				content.remove(type);
			}
		}
	}

	/**
	 * The roles a handler's {@code @PreAuthorize} names; none for any signed-in user
	 * ({@code isAuthenticated()}).
	 */
	private static List<String> roles(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return List.of();
		}
		Matcher m = ROLE.matcher(rule.value());
		List<String> roles = new ArrayList<>();
		while (m.find()) {
			roles.add(m.group(1));
		}
		return roles;
	}

	/**
	 * Adds the callers to a description the handler wrote; a missing one stays missing,
	 * for the documentation test to find.
	 */
	private static void appendCallers(Operation operation, List<String> roles) {
		if (operation.getDescription() == null || operation.getDescription().isBlank()) {
			return;
		}
		String callers = roles.isEmpty() ? "any signed-in user (each within their scope)"
				: String.join(", ", roles.stream().map(r -> "`" + r + "`").toList());
		operation.setDescription(operation.getDescription().strip() + "\n\n**Callers:** " + callers + ".");
	}

	private static void answer(Operation operation, String status, String component) {
		if (!operation.getResponses().containsKey(status)) {
			operation.getResponses()
				.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + component));
		}
	}

	/** Answers in the order of their codes, as readers look them up. */
	private static void sortResponses(Operation operation) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
		operation.setResponses(sorted);
	}

	private static void describePaging(Parameter p) {
		if (!"query".equals(p.getIn()) || p.getDescription() != null) {
			return;
		}
		// NB: a new schema each: springdoc shares one instance between parameters of a
		// type
		switch (p.getName()) {
			case "page" -> p
				.description("The page to answer, from 0. Offset paging reaches 100,000 rows; past that, "
						+ "narrow the filters or walk the list with `after` where the list offers it.")
				.schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0));
			case "size" -> p.description("How many items a page holds, 1 to 500.")
				.schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(500))._default(25));
			case "sort" -> p.description("The key to sort by, `-` before it for descending; a key the list "
					+ "does not offer is a 400 that names the ones it does.");
			case "after" -> p.description("The `next` cursor of the page before, to get the page after it "
					+ "(keyset paging, for walking a whole list). A cursor that was altered or made for another "
					+ "sort or filter is a 400.");
			default -> {
			}
		}
	}

	/**
	 * The import-job convention: a 202 answers where to follow the job, in its body and
	 * its Location header.
	 */
	private static void describeJobAccepted(Operation operation) {
		ApiResponse accepted = operation.getResponses().get("202");
		if (accepted == null) {
			return;
		}
		accepted.setContent(new Content().addMediaType("application/json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiDocumentation.JOB_ACCEPTED))
					.example(new JobAccepted("5f0c2f9e-3b1d-4c8e-9a57-0d6c2b1e7a41",
							"/api/v1/imports/5f0c2f9e-3b1d-4c8e-9a57-0d6c2b1e7a41"))));
		accepted.addHeaderObject("Location",
				new Header().description("The job's status address, the same as statusUrl.")
					.schema(new StringSchema()));
	}

	/** The example of a 202, its fields in a stable order. */
	private record JobAccepted(String jobId, String statusUrl) {
	}

	private static @Nullable String httpMethod(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping == null || mapping.method().length == 0) {
			return null;
		}
		return mapping.method()[0].name();
	}

}
