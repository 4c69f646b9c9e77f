package vn.khien.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.Formats;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.ScheduledWork;
import vn.khien.platform.SystemPrincipal;
import vn.khien.platform.VietnameseText;

/**
 * Periodic reports made and mailed on their own: each schedule, once the period it
 * follows has ended (six-monthly: 30/6 and 31/12; annual: 31/12), makes that period's
 * report of its scope and mails it to its recipients, once per period. A new schedule
 * starts with the next period to end.
 */
@Service
public class ReportSchedules {

	private static final Logger log = LoggerFactory.getLogger(ReportSchedules.class);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

	private static final int MAX_RECIPIENTS = 20;

	static final SystemPrincipal SENDER = SystemPrincipal.of("periodic-reports",
			SystemPrincipal.Permission.READ_PROVINCE);

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final PeriodicReports reports;

	private final ReportWriter writer;

	private final AgencyDirectory directory;

	private final ObjectProvider<JavaMailSender> mail;

	private final OversightSettings settings;

	private final MessageSource messages;

	private final AuditLog audit;

	ReportSchedules(JdbcClient jdbc, CurrentUser currentUser, PeriodicReports reports, ReportWriter writer,
			AgencyDirectory directory, ObjectProvider<JavaMailSender> mail, OversightSettings settings,
			MessageSource messages, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.reports = reports;
		this.writer = writer;
		this.directory = directory;
		this.mail = mail;
		this.settings = settings;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * A schedule: its scope (agency null: the province), report, format and recipients.
	 */
	public record Schedule(long id, @Nullable Long agencyId, @Nullable String agency, ReportRequest.Period period,
			ReportRequest.Format format, List<String> recipients, @Nullable LocalDate lastSentTo, String createdBy) {
	}

	/**
	 * Adds a schedule of a scope the caller may report on (as {@link PeriodicReports}
	 * checks), for recipients given as addresses separated by commas.
	 */
	@Transactional
	public Schedule add(@Nullable String period, @Nullable String scope, @Nullable String format,
			@Nullable String recipients) {
		ReportRequest.Period p = ReportRequest.Period.of(period);
		ReportRequest.Format f = ReportRequest.Format.of(format);
		LocalDate today = LocalDate.now(Formats.ZONE);
		Long agencyId = ReportRequest.agencyOf(scope);
		reports.checkScope(agencyId);
		List<String> to = recipients(recipients);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO report_schedule (agency_id, period_kind, doc_format, recipients, last_sent_to,
				  created_by, created_at)
				VALUES (:agency, :period, :format, :to, :last, :by, :at)""")
			.param("agency", agencyId)
			.param("period", p.code())
			.param("format", f.extension())
			.param("to", String.join(",", to))
			.param("last", java.sql.Date.valueOf(lastEnded(p, today)[1]))
			.param("by", currentUser.name())
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("REPORT_SCHEDULE_ADDED", "report_schedule", id, null, Map.of("period", p.code(), "format",
				f.extension(), "scope", agencyId == null ? ReportRequest.PROVINCE : agencyId, "recipients", to.size()));
		return get(id);
	}

	static List<String> recipients(@Nullable String text) {
		List<String> to = text == null ? List.of()
				: Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (to.isEmpty()) {
			throw new InvalidInputException("recipients", "report.recipients.missing");
		}
		for (String address : to) {
			if (!EMAIL.matcher(address).matches() || address.length() > 254) {
				throw new InvalidInputException("recipients", "report.recipients.bad", address);
			}
		}
		if (to.size() > MAX_RECIPIENTS) {
			throw new InvalidInputException("recipients", "report.recipients.bad", to.get(MAX_RECIPIENTS));
		}
		return to;
	}

	/** The schedules of the scopes the caller may report on. */
	public List<Schedule> list() {
		AgencyScope scope = currentUser.scope();
		String where = scope.unrestricted() ? "TRUE" : "s.agency_id IS NOT NULL AND " + scope.filter("s.agency_id");
		return scope.bind(jdbc.sql("SELECT s.* FROM report_schedule s WHERE " + where + " ORDER BY s.id LIMIT 500"))
			.query((rs, n) -> schedule(rs))
			.list();
	}

	public Schedule get(long id) {
		return list().stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("report schedule", id));
	}

	@Transactional
	public void remove(long id) {
		Schedule s = get(id);
		reports.checkScope(s.agencyId());
		jdbc.sql("DELETE FROM report_schedule WHERE id = :id").param("id", id).update();
		audit.record("REPORT_SCHEDULE_REMOVED", "report_schedule", id,
				Map.of("period", s.period().code(), "format", s.format().extension()), null);
	}

	private Schedule schedule(java.sql.ResultSet rs) throws java.sql.SQLException {
		long agency = rs.getLong("agency_id");
		Long agencyId = rs.wasNull() ? null : agency;
		java.sql.Date last = rs.getDate("last_sent_to");
		return new Schedule(rs.getLong("id"), agencyId,
				agencyId == null ? null : directory.label(agencyId).orElse(null),
				ReportRequest.Period.of(rs.getString("period_kind")),
				ReportRequest.Format.of(rs.getString("doc_format")), List.of(rs.getString("recipients").split(",")),
				last == null ? null : last.toLocalDate(), rs.getString("created_by"));
	}

	/**
	 * The first and last day of the latest period of this kind to have ended before
	 * today.
	 */
	static LocalDate[] lastEnded(ReportRequest.Period period, LocalDate today) {
		int year = today.getYear();
		if (period == ReportRequest.Period.SIX_MONTHLY && today.isAfter(MonthDay.of(6, 30).atYear(year))) {
			return new LocalDate[] { LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30) };
		}
		if (period == ReportRequest.Period.SIX_MONTHLY) {
			return new LocalDate[] { LocalDate.of(year - 1, 7, 1), LocalDate.of(year - 1, 12, 31) };
		}
		return new LocalDate[] { LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31) };
	}

	/**
	 * Makes and mails the reports due on {@code today}; run with a province-wide
	 * principal. A schedule whose mail failed is tried again the next day.
	 * @return how many were sent
	 */
	public int send(LocalDate today) {
		int sent = 0;
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		for (Schedule s : list()) {
			LocalDate[] period = lastEnded(s.period(), today);
			if (s.lastSentTo() != null && !s.lastSentTo().isBefore(period[1])) {
				continue;
			}
			try {
				ReportRequest request = new ReportRequest(s.period(), period[0], period[1], s.agencyId(), s.format());
				ReportContents contents = reports.gather(request);
				ReportWriter.Written file = writer.write(contents);
				mail(sender, s, contents, file);
				jdbc.sql("UPDATE report_schedule SET last_sent_to = :to WHERE id = :id")
					.param("to", java.sql.Date.valueOf(period[1]))
					.param("id", s.id())
					.update();
				audit.record("REPORT_SCHEDULE_SENT", "report_schedule", s.id(), null, Map.of("from",
						period[0].toString(), "to", period[1].toString(), "recipients", s.recipients().size()));
				sent++;
			}
			catch (MessagingException | RuntimeException ex) {
				log.warn("could not send the scheduled report {}: {}", s.id(), ex.getMessage());
			}
		}
		return sent;
	}

	private void mail(JavaMailSender sender, Schedule s, ReportContents contents, ReportWriter.Written file)
			throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(settings.mailFrom());
		helper.setTo(s.recipients().toArray(String[]::new));
		String title = messages.getMessage("report.period." + s.period().code(), null, VietnameseText.LOCALE);
		String from = Formats.date(contents.request().from());
		String to = Formats.date(contents.request().to());
		helper.setSubject(
				messages.getMessage("report.mail.subject", new Object[] { title, from, to }, VietnameseText.LOCALE));
		helper.setText(messages.getMessage("report.mail.body",
				new Object[] { title, contents.scopeName(), from, to, Formats.dateTime(contents.madeAt()) },
				VietnameseText.LOCALE));
		helper.addAttachment(file.filename(), new ByteArrayResource(file.bytes()),
				contents.request().format().contentType());
		sender.send(message);
	}

	@Configuration
	static class Daily {

		// NB: looked up when run: the reports queue jobs on the queue that runs this
		@Bean
		ScheduledWork periodicReportMail(ObjectProvider<ReportSchedules> schedules) {
			return new ScheduledWork("periodic-report-mail", "0 30 6 * * *", SENDER,
					() -> schedules.getObject().send(LocalDate.now(Formats.ZONE)));
		}

	}

}
