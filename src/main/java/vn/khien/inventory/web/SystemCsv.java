package vn.khien.inventory.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyDirectory;
import vn.khien.registry.Agencies;

/**
 * Writes the filtered, scoped list of systems as CSV (UTF-8 with BOM so spreadsheets read
 * the diacritics).
 */
@Component
class SystemCsv {

	private static final List<String> HEADERS = List.of("code", "name", "owner", "operator", "lifecycle", "hosting",
			"internetFacing", "publicServiceLevel", "dataClassification", "personalData", "subjectsBasic",
			"subjectsSensitive", "stateSecret", "critical", "egovernment", "levelProposed", "levelApproved",
			"monitoring", "shared", "userCount");

	private final Systems systems;

	private final Agencies agencies;

	private final AgencyDirectory directory;

	private final MessageSource messages;

	SystemCsv(Systems systems, Agencies agencies, MessageSource messages, AgencyDirectory directory) {
		this.directory = directory;
		this.systems = systems;
		this.agencies = agencies;
		this.messages = messages;
	}

	void write(SystemListParams params, HttpServletResponse response) throws IOException {
		List<InformationSystem> rows = systems.export(params.filter(agencies), params.pageQuery());
		AgencyLabels names = AgencyLabels.of(directory);
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"information-systems.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord(
					HEADERS.stream().map(h -> messages.getMessage("system.csv." + h, null, h, locale)).toList());
			for (InformationSystem s : rows) {
				csv.printRecord(cell(s.code()), cell(s.name()), cell(names.label(s.ownerAgencyId())),
						cell(names.label(s.operatorAgencyId())), s.lifecycle(), s.hosting(), s.internetFacing(),
						s.publicServiceLevel(), s.dataClassification(), s.handlesPersonalData(),
						s.personalSubjectsBasic(), s.personalSubjectsSensitive(), s.stateSecretGrade(), s.critical(),
						s.eGovernment(), s.securityLevelProposed(), s.securityLevelApproved(), s.monitoringKind(),
						s.shared(), s.userCount());
			}
		}
	}

	/** Text a spreadsheet would run as a formula is prefixed with an apostrophe. */
	static @Nullable String cell(@Nullable String value) {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

}
