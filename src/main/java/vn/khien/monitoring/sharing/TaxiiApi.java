package vn.khien.monitoring.sharing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.platform.stix.Ids;

/**
 * A read-only TAXII 2.1 server (OASIS TAXII 2.1, sections 4 and 5): discovery, one API
 * root, one collection of the SOC's alerts. Clients are machines with a token of their
 * own ({@code POST /api/v1/taxii-clients}), checked here, as the bulk events endpoint
 * checks a source's; people's tokens are not TAXII clients'. Errors are TAXII error
 * messages, not problem details.
 */
@RestController
@Tag(name = "monitoring")
class TaxiiApi {

	static final String TAXII = "application/taxii+json;version=2.1";

	static final String STIX = "application/stix+json;version=2.1";

	/** The one collection; its id holds across installations. */
	static final String ALERTS = Ids.v5(Ids.KHIEN, "taxii-collection\nalerts").toString();

	private static final int DEFAULT_LIMIT = 100;

	private final TaxiiClients clients;

	private final TaxiiObjects objects;

	private final SharingSettings settings;

	private final JsonMapper json;

	private final MessageSource messages;

	TaxiiApi(TaxiiClients clients, TaxiiObjects objects, SharingSettings settings, JsonMapper json,
			MessageSource messages) {
		this.clients = clients;
		this.objects = objects;
		this.settings = settings;
		this.json = json;
		this.messages = messages;
	}

	/** A refusal the handler answers as a TAXII error message. */
	private static final class Refused extends RuntimeException {

		final int status;

		final String key;

		final Object[] args;

		Refused(int status, String key, Object... args) {
			super(key);
			this.status = status;
			this.key = key;
			this.args = args;
		}

	}

	@Operation(operationId = "taxiiDiscovery", summary = "TAXII server discovery",
			description = "The server's title and its one API root. Needs a TAXII client's token.")
	@Parameter(name = "Authorization", description = "`Bearer kht_…`, or Basic with the token as the password.")
	@Parameter(name = "Accept", description = "`application/taxii+json;version=2.1`")
	@PermitAll
	@GetMapping("/taxii2/")
	ResponseEntity<String> discovery(
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return answer(authorization, accept, false, client -> {
			ObjectNode body = json.createObjectNode();
			body.put("title", "Khiên – " + settings.producerName());
			body.put("description", message("monitoring.taxii.discovery"));
			String root = root();
			body.put("default", root);
			body.putArray("api_roots").add(root);
			return body;
		});
	}

	@Operation(operationId = "taxiiApiRoot", summary = "TAXII API root",
			description = "The API root's title, the TAXII version it speaks and the largest body it takes.")
	@Parameter(name = "Authorization", description = "`Bearer kht_…`, or Basic with the token as the password.")
	@Parameter(name = "Accept", description = "`application/taxii+json;version=2.1`")
	@PermitAll
	@GetMapping("/taxii2/api/")
	ResponseEntity<String> apiRoot(
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return answer(authorization, accept, false, client -> {
			ObjectNode body = json.createObjectNode();
			body.put("title", settings.producerName());
			body.put("description", message("monitoring.taxii.root"));
			body.putArray("versions").add(TAXII);
			// NB: read-only, so it takes no body; TAXII still asks for a size
			body.put("max_content_length", 0);
			return body;
		});
	}

	@Operation(operationId = "taxiiCollections", summary = "TAXII collections",
			description = "The collections the client may read: the SOC's alerts.")
	@Parameter(name = "Authorization", description = "`Bearer kht_…`, or Basic with the token as the password.")
	@Parameter(name = "Accept", description = "`application/taxii+json;version=2.1`")
	@PermitAll
	@GetMapping("/taxii2/api/collections/")
	ResponseEntity<String> collections(
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return answer(authorization, accept, false, client -> {
			ObjectNode body = json.createObjectNode();
			body.putArray("collections").add(collection(client));
			return body;
		});
	}

	@Operation(operationId = "taxiiCollection", summary = "A TAXII collection",
			description = "The collection's title, what the client may do with it and its media types; 404 for any other id.")
	@Parameter(name = "Authorization", description = "`Bearer kht_…`, or Basic with the token as the password.")
	@Parameter(name = "Accept", description = "`application/taxii+json;version=2.1`")
	@Parameter(name = "id", description = "The collection's id.")
	@PermitAll
	@GetMapping("/taxii2/api/collections/{id}/")
	ResponseEntity<String> collection(@PathVariable String id,
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return answer(authorization, accept, false, client -> {
			known(id);
			return collection(client);
		});
	}

	@Operation(operationId = "taxiiObjects", summary = "A TAXII collection's objects", description = """
			The objects of the alerts at or below the client's TLP, in the order they were added: an envelope \
			with `more` and `next`, and the headers `X-TAXII-Date-Added-First` and `-Last`. An alert is added \
			again, as a new version of its objects, when its status or its TLP changes.
			""")
	@Parameter(name = "Authorization", description = "`Bearer kht_…`, or Basic with the token as the password.")
	@Parameter(name = "Accept", description = "`application/taxii+json;version=2.1`")
	@Parameter(name = "id", description = "The collection's id.")
	@Parameter(name = "added_after", description = "Only objects added after this moment (RFC 3339).")
	@Parameter(name = "limit", description = "At most this many objects (1 to the server's page size, 1000).")
	@Parameter(name = "next", description = "The `next` of the previous page.")
	@Parameter(name = "match[type]", description = "Only these STIX types, comma separated.")
	@Parameter(name = "match[id]", description = "Only these STIX ids, comma separated.")
	@Parameter(name = "match[version]", description = "last, first, all, or a modified timestamp.")
	@Parameter(name = "match[spec_version]", description = "2.1")
	@PermitAll
	@GetMapping("/taxii2/api/collections/{id}/objects/")
	ResponseEntity<String> objects(@PathVariable String id,
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
			@RequestParam(name = "added_after", required = false) @Nullable String addedAfter,
			@RequestParam(name = "limit", required = false) @Nullable String limit,
			@RequestParam(name = "next", required = false) @Nullable String next,
			@RequestParam(name = "match[type]", required = false) @Nullable String types,
			@RequestParam(name = "match[id]", required = false) @Nullable String ids,
			@RequestParam(name = "match[version]", required = false) @Nullable String version,
			@RequestParam(name = "match[spec_version]", required = false) @Nullable String specVersion) {
		TaxiiObjects.Page[] page = new TaxiiObjects.Page[1];
		ResponseEntity<String> answer = answer(authorization, accept, true, client -> {
			known(id);
			Instant after = addedAfter == null ? null : timestamp(addedAfter, "added_after");
			int size = limit(limit);
			Predicate<ObjectNode> match = match(types, ids, version, specVersion);
			try {
				page[0] = objects.page(client.maxTlp(), after, next == null || next.isBlank() ? null : next, size,
						match);
			}
			catch (TaxiiObjects.BadCursor ex) {
				throw new Refused(400, "monitoring.taxii.next");
			}
			ObjectNode envelope = json.createObjectNode();
			envelope.put("more", page[0].more());
			if (page[0].next() != null) {
				envelope.put("next", page[0].next());
			}
			if (!page[0].objects().isEmpty()) {
				ArrayNode list = envelope.putArray("objects");
				page[0].objects().forEach(o -> list.add(o.object()));
			}
			return envelope;
		});
		if (page[0] == null || page[0].objects().isEmpty()) {
			return answer;
		}
		List<TaxiiObjects.Added> listed = page[0].objects();
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header("X-TAXII-Date-Added-First", TaxiiObjects.ADDED.format(listed.get(0).addedAt()))
			.header("X-TAXII-Date-Added-Last", TaxiiObjects.ADDED.format(listed.get(listed.size() - 1).addedAt()))
			.body(answer.getBody());
	}

	@Operation(operationId = "taxiiAddObjects", summary = "Add objects (refused)",
			description = "The collection is read-only: 403 for a client, 401 without one.")
	@Parameter(name = "Authorization", description = "`Bearer kht_…`, or Basic with the token as the password.")
	@Parameter(name = "Accept", description = "`application/taxii+json;version=2.1`")
	@Parameter(name = "id", description = "The collection's id.")
	@PermitAll
	@PostMapping("/taxii2/api/collections/{id}/objects/")
	ResponseEntity<String> add(@PathVariable String id,
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		return answer(authorization, accept, false, client -> {
			known(id);
			throw new Refused(403, "monitoring.taxii.readOnly");
		});
	}

	private interface Body {

		ObjectNode of(TaxiiClients.Bound client);

	}

	/** Authenticates, negotiates the media type, then answers the body or the refusal. */
	private ResponseEntity<String> answer(@Nullable String authorization, @Nullable String accept, boolean objects,
			Body body) {
		try {
			TaxiiClients.Bound client = clients.authenticate(token(authorization))
				.orElseThrow(() -> new Refused(401, "monitoring.taxii.token"));
			MediaType type = negotiate(accept, objects).orElseThrow(() -> new Refused(406, "monitoring.taxii.accept"));
			ObjectNode content = body.of(client);
			return ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(json.writeValueAsString(content));
		}
		catch (Refused refused) {
			ObjectNode error = json.createObjectNode();
			error.put("title", message("monitoring.taxii.error." + refused.status));
			error.put("description",
					messages.getMessage(refused.key, refused.args, refused.key, LocaleContextHolder.getLocale()));
			error.put("http_status", Integer.toString(refused.status));
			var builder = ResponseEntity.status(refused.status).contentType(MediaType.parseMediaType(TAXII));
			if (refused.status == 401) {
				builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"taxii\"");
			}
			return builder.body(json.writeValueAsString(error));
		}
	}

	/** The token from {@code Bearer kht_…}, or the password of HTTP Basic. */
	static @Nullable String token(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				return colon < 0 ? null : pair.substring(colon + 1);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * TAXII 2.1's media type (or STIX's for objects), without a version or at 2.1, or a
	 * wildcard; empty when none of what the client accepts is one.
	 */
	static Optional<MediaType> negotiate(@Nullable String accept, boolean objects) {
		MediaType taxii = MediaType.parseMediaType(TAXII);
		if (accept == null || accept.isBlank()) {
			return Optional.of(taxii);
		}
		List<MediaType> wanted;
		try {
			wanted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
		boolean stix = false;
		for (MediaType type : wanted) {
			if (type.getQualityValue() <= 0) {
				continue;
			}
			String version = type.getParameter("version");
			boolean ours = version == null || version.equals("2.1");
			if (type.isWildcardType() || (type.getType().equals("application") && type.isWildcardSubtype())) {
				return Optional.of(taxii);
			}
			if (type.getType().equals("application") && type.getSubtype().equals("taxii+json") && ours) {
				return Optional.of(taxii);
			}
			stix |= objects && type.getType().equals("application") && type.getSubtype().equals("stix+json") && ours;
		}
		if (stix) {
			return Optional.of(MediaType.parseMediaType(STIX));
		}
		return Optional.empty();
	}

	private ObjectNode collection(TaxiiClients.Bound client) {
		ObjectNode collection = json.createObjectNode();
		collection.put("id", ALERTS);
		collection.put("title", message("monitoring.taxii.collection.title"));
		collection.put("description",
				message("monitoring.taxii.collection.description", client.maxTlp().markingName()));
		collection.put("alias", "alerts");
		collection.put("can_read", true);
		collection.put("can_write", false);
		collection.putArray("media_types").add(STIX);
		return collection;
	}

	private static void known(String id) {
		if (!ALERTS.equals(id)) {
			throw new Refused(404, "monitoring.taxii.collection.unknown");
		}
	}

	private String root() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/taxii2/api/").build().toUriString();
	}

	static Instant timestamp(String text, String name) {
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Refused(400, "monitoring.taxii.timestamp", name);
		}
	}

	private int limit(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Math.min(DEFAULT_LIMIT, settings.pageLimit());
		}
		int limit;
		try {
			limit = Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new Refused(400, "monitoring.taxii.limit", settings.pageLimit());
		}
		if (limit < 1) {
			throw new Refused(400, "monitoring.taxii.limit", settings.pageLimit());
		}
		// NB: TAXII lets a server give fewer than asked
		return Math.min(limit, settings.pageLimit());
	}

	/** The match filters TAXII 2.1 defines for objects (section 3.6). */
	static Predicate<ObjectNode> match(@Nullable String types, @Nullable String ids, @Nullable String version,
			@Nullable String specVersion) {
		Predicate<ObjectNode> match = o -> true;
		Set<String> typeSet = words(types);
		if (!typeSet.isEmpty()) {
			match = match.and(o -> typeSet.contains(o.get("type").asString()));
		}
		Set<String> idSet = words(ids);
		if (!idSet.isEmpty()) {
			match = match.and(o -> idSet.contains(o.get("id").asString()));
		}
		Set<String> specs = words(specVersion);
		if (!specs.isEmpty()) {
			match = match.and(o -> specs.contains(o.path("spec_version").asString("2.1")));
		}
		Set<String> versions = words(version);
		// NB: one version of each object is kept, so last, first and all are the same
		versions.removeAll(Set.of("last", "first", "all"));
		if (!versions.isEmpty()) {
			Set<Instant> at = versions.stream().map(v -> timestamp(v, "match[version]")).collect(Collectors.toSet());
			match = match.and(o -> {
				String modified = o.has("modified") ? o.get("modified").asString() : o.path("created").asString("");
				return !modified.isEmpty() && at.contains(Instant.parse(modified));
			});
		}
		return match;
	}

	private static Set<String> words(@Nullable String list) {
		if (list == null || list.isBlank()) {
			return new java.util.HashSet<>();
		}
		return Arrays.stream(list.split(","))
			.map(String::strip)
			.filter(w -> !w.isEmpty())
			.map(w -> w.length() > 200 ? w.substring(0, 200) : w)
			.collect(Collectors.toCollection(java.util.HashSet::new));
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
