package vn.khien.incident.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.documents.DocumentFormat;
import vn.khien.incident.IncidentDocuments;
import vn.khien.incident.PeriodicReport;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.PageResult;
import vn.khien.platform.XlsxExport;
import vn.khien.platform.documents.FormDocument;
import vn.khien.platform.documents.FormDocuments;

/**
 * A case's forms of Circular 20/2017 (Mẫu 03, Mẫu 04), the periodic report (Mẫu 05), and
 * the case shared with the national network as STIX 2.1 or MISP.
 */
@RestController
@Tag(name = "incidents")
class IncidentDocumentApi {

	/** Who reads the periodic report: the response team, the police, the leadership. */
	static final String PERIODIC = "hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'RESPONDER', 'POLICE', 'LEADERSHIP')";

	private final IncidentDocuments documents;

	private final PeriodicReport periodic;

	private final FormDocuments forms;

	IncidentDocumentApi(IncidentDocuments documents, PeriodicReport periodic, FormDocuments forms) {
		this.documents = documents;
		this.periodic = periodic;
		this.forms = forms;
	}

	@Operation(operationId = "getIncidentReportForm", summary = "A case's initial or end-of-response report",
			description = """
					Circular 20/2017/TT-BTTTT's initial incident report (`form=03`, Biểu mẫu 03: the reporter, the \
					operating unit and owner agency, the system, its addresses and security level, the providers, \
					what happened and when, whether it was handled, how it was detected, who was told, the system's \
					software and measures, the support asked for) or end-of-response report (`form=04`, Biểu mẫu 04: \
					the root cause, the actions taken, how it was handled, the estimated damage, the lessons, the \
					timeline and the observables marked TLP:CLEAR, GREEN or AMBER, never TLP:RED), as a PDF (Liberation \
					Serif embedded) or a DOCX (Times New Roman, to edit before signing), always in Vietnamese. The \
					forms' exact wording has not been checked against the circular's appendix; each says so in a note. \
					404 outside the caller's scope; 409 for Mẫu 04 of a case whose response has not ended.
					""")
	@Parameter(name = "id", description = "The incident's id.")
	@Parameter(name = "form", description = "`03` (the initial report, the default) or `04` (end of response).")
	@Parameter(name = "format", description = "`pdf` (the default) or `docx`.")
	@PreAuthorize(IncidentApi.READERS)
	@GetMapping("/api/v1/incidents/{id}/report")
	void report(@PathVariable long id, @RequestParam(defaultValue = "03") String form,
			@RequestParam(defaultValue = "pdf") String format, HttpServletResponse response) throws IOException {
		IncidentDocuments.Form chosen = IncidentDocuments.Form.of(form);
		DocumentFormat type = DocumentFormat.of(format);
		IncidentDocuments.Rendered file = documents.render(id, chosen, type);
		write(response, file.fileName(), file.contentType(), file.content());
	}

	@Operation(operationId = "getPeriodicIncidentReport", summary = "The periodic incident report (Mẫu 05)",
			description = """
					Circular 20/2017's periodic report for the days `from` to `to` (both included, dates in \
					Vietnam, at most five years): one row per attack type of the rule pack in force on `to`, in the \
					pack's order, then a total row. Columns: the type's id and title, the cases, those handled \
					in-house, with domestic help, with foreign help, referred to the national coordinator, and the sum \
					of their estimated damage (VND). A case counts once, when discovered in the period (queued, \
					rejected and merged reports are no cases), under its attack type; one without a type under the \
					pack's last (`other`). Cases whose handling is not recorded count in the total only. `xlsx` \
					(one sheet, figures as numbers) or `pdf` (the form, a table).
					""")
	@Parameter(name = "from", description = "The first day, e.g. `2026-01-01`.")
	@Parameter(name = "to", description = "The last day, e.g. `2026-06-30`.")
	@Parameter(name = "format", description = "`xlsx` (the default) or `pdf`.")
	@PreAuthorize(PERIODIC)
	@GetMapping("/api/v1/incident-reports/periodic")
	void periodic(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "xlsx") String format,
			HttpServletResponse response) throws IOException {
		String kind = format.strip().toLowerCase(Locale.ROOT);
		if (!kind.equals("xlsx") && !kind.equals("pdf")) {
			throw new InvalidInputException("format", "periodicReport.format.unknown", format);
		}
		PeriodicReport.Report report = periodic.report(day(from, "from"), day(to, "to"));
		if (kind.equals("pdf")) {
			FormDocument form = periodic.form(report);
			write(response, form.fileName("pdf"), "application/pdf", forms.pdf(form));
			return;
		}
		List<PeriodicReport.Row> rows = new ArrayList<>(report.rows());
		rows.add(report.total());
		XlsxExport.pages(response, "mau-05-" + report.from() + "-" + report.to() + ".xlsx", periodic.columns(), null,
				page -> new PageResult<>(rows, 0, rows.size(), rows.size(), false, null), PeriodicReport::cells);
	}

	@Operation(operationId = "getIncidentStix", summary = "A case as a STIX 2.1 bundle", description = """
			The case for the national network as a STIX 2.1 bundle (docs/incident-exchange.md): the response \
			team (`khien.incidents.response-team`) as author, the `incident`, the affected agency and system \
			(left out for a TLP:RED case), and each observable as a cyber-observable with its observed-data, \
			indicator and sighting, marked with its TLP 2.0 label. TLP:RED observables never leave. The same case \
			exported twice gives the same ids. 404 outside the caller's scope.
			""")
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(IncidentApi.TEAM)
	@GetMapping(path = "/api/v1/incidents/{id}/stix", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> stix(@PathVariable long id) {
		return json(documents.stix(id), "incident-" + id + ".stix.json");
	}

	@Operation(operationId = "getIncidentMisp", summary = "A case as a MISP event", description = """
			The case as one event in the MISP core format (`{"Event": {...}}`, docs/incident-exchange.md), for \
			response teams that run MISP: its TLP and RSIT tags, each observable an attribute with its own TLP \
			tag and distribution. TLP:RED observables never leave. 404 outside the caller's scope.
			""")
	@Parameter(name = "id", description = "The incident's id.")
	@PreAuthorize(IncidentApi.TEAM)
	@GetMapping(path = "/api/v1/incidents/{id}/misp", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> misp(@PathVariable long id) {
		return json(documents.misp(id), "incident-" + id + ".misp.json");
	}

	private static ResponseEntity<String> json(String body, String fileName) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
			.body(body);
	}

	private static LocalDate day(@Nullable String value, String field) {
		LocalDate day = IncidentForms.day(value, field);
		if (day == null) {
			throw new InvalidInputException(field, "incident.field.required", field);
		}
		return day;
	}

	private static void write(HttpServletResponse response, String fileName, String contentType, byte[] content)
			throws IOException {
		response.setContentType(contentType);
		response.setContentLength(content.length);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
		response.getOutputStream().write(content);
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

}
