package vn.khien.oversight.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khien.oversight.PeriodicReports;
import vn.khien.oversight.ReportRequest;
import vn.khien.oversight.ReportSchedules;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienUser;
import vn.khien.platform.PageQuery;
import vn.khien.platform.Role;

/**
 * The periodic reports' page: make one (followed on the job's page, which links the
 * file), the reports made, and the schedules that mail them.
 */
@Controller
class ReportPages {

	private final PeriodicReports reports;

	private final ReportSchedules schedules;

	private final CurrentUser currentUser;

	private final AgencyDirectory agencies;

	private final MessageSource messages;

	ReportPages(PeriodicReports reports, ReportSchedules schedules, CurrentUser currentUser, AgencyDirectory agencies,
			MessageSource messages) {
		this.reports = reports;
		this.schedules = schedules;
		this.currentUser = currentUser;
		this.agencies = agencies;
		this.messages = messages;
	}

	@PreAuthorize(PeriodicReportApi.MAKERS)
	@GetMapping("/reports")
	String page(@RequestParam(required = false) Integer page, Model model) {
		LocalDate today = LocalDate.now(Formats.ZONE);
		LocalDate from = today.getMonthValue() <= 6 ? today.withDayOfYear(1) : today.withMonth(7).withDayOfMonth(1);
		return show(model, page, "six-monthly", from.toString(), today.toString(), null, "pdf", null, null);
	}

	private String show(Model model, @Nullable Integer page, @Nullable String period, @Nullable String from,
			@Nullable String to, @Nullable String agency, @Nullable String format, @Nullable String field,
			@Nullable String error) {
		KhienUser user = currentUser.get();
		boolean schedulers = user.has(Role.ADMIN) || user.has(Role.PROVINCE_OPERATOR) || user.has(Role.AGENCY_OFFICER);
		model.addAttribute("made", reports.list(PageQuery.of(page, null, null)));
		model.addAttribute("schedules", schedulers ? schedules.list() : null);
		model.addAttribute("province", currentUser.scope().unrestricted());
		model.addAttribute("period", period);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("agency", agency);
		model.addAttribute("agencyLabel", agency == null || !agency.matches("\\d{1,18}") ? null
				: agencies.label(Long.parseLong(agency)).orElse(null));
		model.addAttribute("format", format);
		model.addAttribute("errorField", field);
		model.addAttribute("error", error);
		return "oversight/reports";
	}

	@PreAuthorize(PeriodicReportApi.MAKERS)
	@PostMapping("/reports")
	String make(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String format, Model model) {
		try {
			return "redirect:/imports/"
					+ reports.submit(ReportRequest.parse(period, from, to, scope(agency), format)).id();
		}
		catch (InvalidInputException ex) {
			return show(model, null, period, from, to, agency, format, ex.field(), text(ex));
		}
	}

	@PreAuthorize(PeriodicReportApi.MAKERS)
	@GetMapping("/reports/periodic/{jobId}/file")
	ResponseEntity<InputStreamResource> download(@PathVariable String jobId) {
		return PeriodicReportApi.file(reports.download(jobId));
	}

	@PreAuthorize(PeriodicReportApi.SCHEDULERS)
	@PostMapping("/reports/schedules")
	String addSchedule(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String recipients, Model model) {
		try {
			schedules.add(period, scope(agency), format, recipients);
			return "redirect:/reports";
		}
		catch (InvalidInputException ex) {
			return show(model, null, period, null, null, agency, format, ex.field(), text(ex));
		}
	}

	@PreAuthorize(PeriodicReportApi.SCHEDULERS)
	@PostMapping("/reports/schedules/{id}/remove")
	String removeSchedule(@PathVariable long id) {
		schedules.remove(id);
		return "redirect:/reports";
	}

	/**
	 * No agency chosen: the province, which the service refuses to those it is not for.
	 */
	private static String scope(@Nullable String agency) {
		return agency == null || agency.isBlank() ? ReportRequest.PROVINCE : agency.strip();
	}

	private String text(InvalidInputException ex) {
		return messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale());
	}

}
