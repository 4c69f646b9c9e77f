package vn.khien.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.MonitoredEvents;
import vn.khien.monitoring.internal.EventPipeline;
import vn.khien.monitoring.internal.MonitoringSettings;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/**
 * Events in bulk from the province's sources, and the analysts' search of what is kept.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "monitoring")
class EventApi {

	private final EventSources sources;

	private final EventPipeline pipeline;

	private final MonitoredEvents events;

	private final MonitoringSettings settings;

	EventApi(EventSources sources, EventPipeline pipeline, MonitoredEvents events, MonitoringSettings settings) {
		this.sources = sources;
		this.pipeline = pipeline;
		this.events = events;
		this.settings = settings;
	}

	@Operation(operationId = "ingestEvents", summary = "Send events in bulk",
			description = """
					For sources, not people: `Authorization: Bearer khs_…` (a source's token, `POST /api/v1/sources`). \
					The body is NDJSON or syslog/CEF text lines (`application/x-ndjson`, `text/plain`), or, as \
					`application/json`, JSON objects back to back as evtx_dump writes them, optionally `Content-Encoding: gzip`; at most 32 MB after \
					decompression (413 beyond). Accepted shapes: docs/event-formats.md. The answer, once everything \
					is stored, counts what was accepted and refused, and lists the first 100 refusals with their line. \
					503 with `Retry-After` when the pipeline is saturated: nothing of that request was kept; send it \
					again.
					""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/x-ndjson",
							examples = @ExampleObject(name = "sysmon",
									value = """
											{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "mc-sotc-01.sotc.gov.vn", "Image": "C:\\\\Windows\\\\System32\\\\cmd.exe", "CommandLine": "cmd /c whoami", "UtcTime": "2026-12-01 08:00:00.000"}
											"""))))
	@Parameter(name = "Authorization", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
			description = "`Bearer khs_…`: the source's token.")
	@Parameter(name = "Content-Encoding", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
			description = "`gzip` when the body is compressed.")
	@PermitAll
	@PostMapping
	ResponseEntity<?> ingest(HttpServletRequest request,
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) @Nullable String encoding)
			throws IOException {
		String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
		EventSources.Bound source = sources.authenticate(token)
			.orElseThrow(() -> InvalidInputException.withStatus(401, "monitoring.source.token"));
		if (request.getContentLengthLong() > settings.maxBodyBytes()) {
			throw InvalidInputException.withStatus(413, "monitoring.events.tooLarge", settings.maxBodyBytes());
		}
		InputStream body = request.getInputStream();
		if (encoding != null && encoding.strip().equalsIgnoreCase("gzip")) {
			try {
				body = new GZIPInputStream(body, 64 * 1024);
			}
			catch (java.util.zip.ZipException ex) {
				throw new InvalidInputException("body", "monitoring.events.gzip");
			}
		}
		else if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
			throw InvalidInputException.withStatus(415, "monitoring.events.encoding", encoding);
		}
		LimitedStream limited = new LimitedStream(body, settings.maxBodyBytes());
		try {
			// NB: application/json is a stream of objects back to back; anything else is
			// lines
			String type = request.getContentType();
			boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
			if (pipeline.queues()) {
				return ResponseEntity.accepted().body(pipeline.queue(source, limited, json));
			}
			return ResponseEntity.ok(pipeline.ingest(source, limited, json));
		}
		catch (EventPipeline.Saturated ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "2")
				.body(java.util.Map.of("error", "saturated"));
		}
		catch (LimitedStream.TooLarge ex) {
			throw InvalidInputException.withStatus(413, "monitoring.events.tooLarge", settings.maxBodyBytes());
		}
		catch (java.io.UncheckedIOException ex) {
			if (ex.getCause() instanceof java.util.zip.ZipException) {
				throw new InvalidInputException("body", "monitoring.events.gzip");
			}
			if (ex.getCause() instanceof LimitedStream.TooLarge) {
				throw InvalidInputException.withStatus(413, "monitoring.events.tooLarge", settings.maxBodyBytes());
			}
			throw ex;
		}
	}

	@Operation(operationId = "searchEvents", summary = "Search the kept events", description = """
			The retained events between `from` and `to` (required, ISO-8601 with offset, at most 31 days apart) \
			in the caller's scope, the latest first, narrowed by host name, address (source or destination), \
			user, event code or kind. Paged by cursor (`next`, then `after=`) only: a search never counts.
			""")
	@Parameter(name = "from", description = "From this moment (included).")
	@Parameter(name = "to", description = "Until this moment (excluded).")
	@Parameter(name = "agency", description = "Only this agency and those below it.")
	@Parameter(name = "host", description = "The host's name, as the event gave it.")
	@Parameter(name = "ip", description = "A source or destination address.")
	@Parameter(name = "user", description = "The user name.")
	@Parameter(name = "code", description = "The event code (a Windows event id, a Suricata signature id).")
	@Parameter(name = "kind", description = "The shape it arrived in: windows_evtx_json, suricata_eve, cef, …")
	@Parameter(name = "after", description = "The cursor of the previous page's `next`.")
	@PreAuthorize(MonitoringForms.READERS)
	@GetMapping("/search")
	PageResult<MonitoredEvents.Event> search(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Long agency,
			@RequestParam(required = false) @Nullable String host, @RequestParam(required = false) @Nullable String ip,
			@RequestParam(required = false) @Nullable String user,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) @Nullable String after) {
		return events
			.search(new MonitoredEvents.Query(MonitoringForms.required(MonitoringForms.moment(from, "from"), "from"),
					MonitoringForms.required(MonitoringForms.moment(to, "to"), "to"), agency, host, ip, user, code,
					kind), PageQuery.of(null, size, null, after));
	}

	/** A body cut off at its limit: the request is refused, not truncated. */
	static final class LimitedStream extends java.io.FilterInputStream {

		static final class TooLarge extends IOException {

			TooLarge() {
				super("the body passed its limit");
			}

		}

		private long left;

		LimitedStream(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0 && --left < 0) {
				throw new TooLarge();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				left -= n;
				if (left < 0) {
					throw new TooLarge();
				}
			}
			return n;
		}

	}

}
