package vn.khien.inventory.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CsvExport;
import vn.khien.registry.Agencies;

/**
 * Writes the filtered, scoped list of systems as CSV ({@link CsvExport}).
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

	void write(SystemListParams params, HttpServletResponse response) {
		List<InformationSystem> rows = systems.export(params.filter(agencies), params.pageQuery());
		AgencyLabels names = AgencyLabels.of(directory);
		Locale locale = LocaleContextHolder.getLocale();
		try (CsvExport csv = CsvExport.to(response, "information-systems.csv",
				HEADERS.stream().map(h -> messages.getMessage("system.csv." + h, null, h, locale)).toList())) {
			for (InformationSystem s : rows) {
				csv.row(s.code(), s.name(), names.label(s.ownerAgencyId()), names.label(s.operatorAgencyId()),
						s.lifecycle(), s.hosting(), s.internetFacing(), s.publicServiceLevel(), s.dataClassification(),
						s.handlesPersonalData(), s.personalSubjectsBasic(), s.personalSubjectsSensitive(),
						s.stateSecretGrade(), s.critical(), s.eGovernment(), s.securityLevelProposed(),
						s.securityLevelApproved(), s.monitoringKind(), s.shared(), s.userCount());
			}
		}
	}

}
