package vn.khien.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.khien.incident.exchange.MispExport;
import vn.khien.incident.exchange.SharedIncident;
import vn.khien.incident.exchange.SharedObservable;
import vn.khien.incident.exchange.StixExport;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.Formats;
import vn.khien.platform.documents.DocumentFormat;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.documents.FormDocument;
import vn.khien.platform.documents.FormDocument.Block;
import vn.khien.platform.documents.FormDocument.Choice;
import vn.khien.platform.documents.FormDocument.Field;
import vn.khien.platform.documents.FormDocument.Heading;
import vn.khien.platform.documents.FormDocument.Paragraph;
import vn.khien.platform.documents.FormDocument.Table;
import vn.khien.platform.documents.FormDocuments;

/**
 * A case's documents (R6.5): Circular 20/2017's initial report (Biểu mẫu 03) and
 * end-of-response report (Biểu mẫu 04) as PDF or DOCX, always in Vietnamese, and the case
 * shared with the national network as a STIX 2.1 bundle or a MISP event. Each reads the
 * case as the caller may (404 outside their scope); no TLP:RED observable ever leaves.
 */
@Service
public class IncidentDocuments {

	/** An official form is in Vietnamese, whatever the user's language. */
	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** Mẫu 04 goes beyond the province: only the labels that may be shared that far. */
	static final Set<Tlp> FORM_TLP = EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);

	/** How many timeline lines Mẫu 04 summarises; a long case keeps its first ones. */
	static final int TIMELINE_ROWS = 200;

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final Incidents incidents;

	private final Systems systems;

	private final AgencyDirectory agencies;

	private final RulePacks packs;

	private final FormDocuments forms;

	private final MessageSource messages;

	private final StixExport stix;

	private final MispExport misp;

	private final IncidentSettings settings;

	private final IncidentDocumentsSettings dating;

	IncidentDocuments(Incidents incidents, Systems systems, AgencyDirectory agencies, RulePacks packs,
			FormDocuments forms, MessageSource messages, StixExport stix, MispExport misp, IncidentSettings settings,
			IncidentDocumentsSettings dating) {
		this.dating = dating;
		this.incidents = incidents;
		this.systems = systems;
		this.agencies = agencies;
		this.packs = packs;
		this.forms = forms;
		this.messages = messages;
		this.stix = stix;
		this.misp = misp;
		this.settings = settings;
	}

	/** The forms of Circular 20/2017 a case is reported on. */
	public enum Form {

		INITIAL("03"), END_OF_RESPONSE("04");

		private final String code;

		Form(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		/** {@code 03} or {@code 04}; a 400 naming them otherwise. */
		public static Form of(@Nullable String code) {
			String wanted = code == null ? "" : code.strip();
			return Arrays.stream(values())
				.filter(f -> f.code.equals(wanted))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("form", "incidentDocuments.form.unknown", wanted));
		}

	}

	/** A rendered file, ready to download. */
	public record Rendered(String fileName, String contentType, byte[] content) {
	}

	/**
	 * The case's form as a file: 404 outside the caller's scope, 409 for Mẫu 04 of a case
	 * whose response has not ended.
	 */
	public Rendered render(long id, Form form, DocumentFormat format) {
		FormDocument document = form(id, form);
		byte[] content = format == DocumentFormat.PDF ? forms.pdf(document) : forms.docx(document);
		return new Rendered(document.fileName(format.extension()), format.contentType(), content);
	}

	/** The case's form as the renderer takes it. */
	public FormDocument form(long id, Form form) {
		Incident incident = incidents.get(id);
		return form == Form.INITIAL ? initial(incident, LocalDate.now(IncidentRows.ZONE))
				: endOfResponse(incident, LocalDate.now(IncidentRows.ZONE));
	}

	/** The case as a STIX 2.1 bundle for the national network. */
	public String stix(long id) {
		return stix.stix(shared(incidents.get(id)));
	}

	/** The case as a MISP event. */
	public String misp(long id) {
		return misp.misp(shared(incidents.get(id)));
	}

	FormDocument initial(Incident i, LocalDate today) {
		InitialReport r = i.initialReport();
		String agency = agencyName(i.agencyId());
		String system = systemName(i);
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Paragraph(text("incidentDocuments.unconfirmed")));
		blocks.add(new Heading(text("incidentDocuments.form03.reporter")));
		blocks.add(field("incidentDocuments.form03.reporterName", r.reporterName()));
		blocks.add(field("incidentDocuments.form03.reporterPosition", r.reporterPosition()));
		blocks.add(field("incidentDocuments.form03.reporterPhone", r.reporterPhone()));
		blocks.add(field("incidentDocuments.form03.reporterEmail", r.reporterEmail()));
		blocks.add(field("incidentDocuments.form03.contact", i.contact()));
		blocks.add(new Heading(text("incidentDocuments.form03.unit")));
		blocks.add(field("incidentDocuments.form03.operatorUnit", r.operatorUnit()));
		blocks.add(field("incidentDocuments.form03.owner", r.ownerName() != null ? r.ownerName() : agency));
		blocks.add(field("incidentDocuments.form03.system", r.systemName() != null ? r.systemName() : system));
		blocks.add(field("incidentDocuments.form03.addresses", r.addresses()));
		blocks.add(field("incidentDocuments.form03.securityLevel",
				i.securityLevel() == null ? null : i.securityLevel().toString()));
		blocks.add(field("incidentDocuments.form03.providers", r.providers()));
		blocks.add(new Heading(text("incidentDocuments.form03.incident")));
		blocks.add(field("incidentDocuments.form03.title", i.title()));
		blocks.add(new Field(label("incidentDocuments.form03.description"), i.description(), 3));
		blocks.add(field("incidentDocuments.form03.discoveredAt", moment(i.discoveredAt())));
		blocks.add(yesNo("incidentDocuments.form03.handled", r.handled()));
		blocks.add(choice("incidentDocuments.form03.detectedBy", "incidentDocuments.detectedBy.",
				Arrays.asList(DetectedBy.values()), i.detectedBy()));
		blocks.add(field("incidentDocuments.form03.notified", r.notified()));
		blocks.add(new Heading(text("incidentDocuments.form03.systemInfo")));
		blocks.add(field("incidentDocuments.form03.os", r.os()));
		blocks.add(field("incidentDocuments.form03.services", r.services()));
		blocks.add(field("incidentDocuments.form03.measures", r.securityMeasures()));
		blocks.add(field("incidentDocuments.form03.publicIps", r.publicIps()));
		blocks.add(field("incidentDocuments.form03.domains", r.domains()));
		blocks.add(field("incidentDocuments.form03.purpose", r.purpose()));
		blocks.add(field("incidentDocuments.form03.confidentiality", r.confidentiality()));
		blocks.add(new Heading(text("incidentDocuments.form03.support")));
		blocks.add(new Field(label("incidentDocuments.form03.supportRequested"), orEmpty(r.supportRequested()), 2));
		String issuer = agency != null ? agency
				: r.operatorUnit() != null ? r.operatorUnit() : text("incidentDocuments.blank");
		return new FormDocument("mau-03-su-co-" + i.id() + "-" + today, issuer.toUpperCase(VIETNAMESE), null,
				text("incidentDocuments.form03.code"), text("incidentDocuments.form03.formTitle"),
				text("incidentDocuments.form03.subtitle"), blocks, dateLine(today),
				text("incidentDocuments.form03.signer"), r.reporterName());
	}

	FormDocument endOfResponse(Incident i, LocalDate today) {
		if (i.responseEndedAt() == null) {
			throw InvalidInputException.conflict("form", "incidentDocuments.form04.notEnded", Long.toString(i.id()));
		}
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Paragraph(text("incidentDocuments.unconfirmed")));
		blocks.add(new Heading(text("incidentDocuments.form04.about")));
		blocks.add(field("incidentDocuments.form04.title", i.title()));
		blocks.add(field("incidentDocuments.form04.number", Long.toString(i.id())));
		blocks.add(field("incidentDocuments.form04.agency", agencyName(i.agencyId())));
		blocks.add(field("incidentDocuments.form04.system", systemName(i)));
		blocks.add(field("incidentDocuments.form04.type", typeTitle(i)));
		blocks
			.add(field("incidentDocuments.form04.severity", text("incidentDocuments.severity." + i.severity().code())));
		blocks.add(new Field(label("incidentDocuments.form04.description"), i.description(), 3));
		blocks.add(field("incidentDocuments.form04.discoveredAt", moment(i.discoveredAt())));
		blocks.add(field("incidentDocuments.form04.endedAt", moment(IncidentRows.local(i.responseEndedAt()))));
		blocks.add(field("incidentDocuments.form04.closedAt",
				i.closedAt() == null ? null : moment(IncidentRows.local(i.closedAt()))));
		blocks.add(new Heading(text("incidentDocuments.form04.result")));
		blocks.add(new Field(label("incidentDocuments.form04.rootCause"), orEmpty(i.rootCause()), 2));
		blocks.add(new Field(label("incidentDocuments.form04.actions"), orEmpty(i.actionsTaken()), 3));
		blocks.add(choice("incidentDocuments.form04.handling", "incidentDocuments.handling.",
				Arrays.asList(Handling.values()), i.handling()));
		blocks.add(field("incidentDocuments.form04.damage", i.estimatedDamage() == null ? null
				: text("incidentDocuments.form04.damageValue", Formats.number(i.estimatedDamage(), VIETNAMESE))));
		blocks.add(new Field(label("incidentDocuments.form04.lessons"), orEmpty(i.lessonsLearned()), 2));
		blocks.add(new Heading(text("incidentDocuments.form04.timeline")));
		List<List<String>> timeline = i.timeline()
			.stream()
			.limit(TIMELINE_ROWS)
			.map(e -> List.of(moment(IncidentRows.local(e.at())), e.actor(), timelineText(e)))
			.toList();
		blocks.add(new Table(List.of(text("incidentDocuments.form04.at"), text("incidentDocuments.form04.actor"),
				text("incidentDocuments.form04.event")), List.of(2, 2, 6), timeline));
		blocks.add(new Heading(text("incidentDocuments.form04.observables")));
		List<List<String>> observables = i.observables()
			.stream()
			.filter(o -> FORM_TLP.contains(o.tlp()))
			.map(o -> List.of(text("incidentDocuments.kind." + o.kind().code()), o.value(), o.tlp().label(),
					moment(IncidentRows.local(o.firstSeen())), moment(IncidentRows.local(o.lastSeen()))))
			.toList();
		blocks.add(new Table(List.of(text("incidentDocuments.form04.kind"), text("incidentDocuments.form04.value"),
				text("incidentDocuments.form04.tlp"), text("incidentDocuments.form04.firstSeen"),
				text("incidentDocuments.form04.lastSeen")), List.of(2, 5, 2, 2, 2), observables));
		return new FormDocument("mau-04-su-co-" + i.id() + "-" + today, settings.teamName().toUpperCase(VIETNAMESE),
				null, text("incidentDocuments.form04.code"), text("incidentDocuments.form04.formTitle"),
				text("incidentDocuments.form04.subtitle"), blocks, dateLine(today),
				text("incidentDocuments.form04.signer"), null);
	}

	/**
	 * What the case shares: never a TLP:RED observable; for a TLP:RED case not even the
	 * agency and system it concerns.
	 */
	SharedIncident shared(Incident i) {
		List<SharedObservable> observables = i.observables()
			.stream()
			.filter(o -> o.tlp() != Tlp.RED)
			.map(o -> new SharedObservable(o.id(), o.kind().name(), o.value(), o.tlp().name(), o.firstSeen(),
					o.lastSeen(), o.sightings()))
			.toList();
		// NB: receivers keep the newest modified, so it moves with the observables too
		Instant modified = i.updatedAt();
		for (Incident.Observable o : i.observables()) {
			if (o.lastSeen().isAfter(modified)) {
				modified = o.lastSeen();
			}
		}
		boolean named = i.tlp() != Tlp.RED;
		return new SharedIncident(i.id(), i.title(), i.description(), i.createdAt(), modified,
				i.discoveredAt().toInstant(), i.taxonomy() == null ? null : i.taxonomy().className(),
				i.taxonomy() == null ? null : i.taxonomy().type(), i.severity().code(), i.tlp().name(),
				settings.teamName(), named ? agencyName(i.agencyId()) : null, named ? systemName(i) : null,
				observables);
	}

	private @Nullable String agencyName(@Nullable Long agencyId) {
		return agencyId == null ? null : agencies.label(agencyId).map(IncidentDocuments::nameOf).orElse(null);
	}

	/** {@code SYT — Sở Y tế} names {@code Sở Y tế}. */
	static String nameOf(String label) {
		int dash = label.indexOf(" — ");
		return dash < 0 ? label : label.substring(dash + 3);
	}

	private @Nullable String systemName(Incident i) {
		return i.systemId() == null ? null : systems.find(i.systemId()).map(InformationSystem::name).orElse(null);
	}

	private @Nullable String typeTitle(Incident i) {
		if (i.reportType() == null || i.packId() == null) {
			return i.taxonomy() == null ? null : i.taxonomy().code();
		}
		RulePack pack = packs.all().stream().filter(p -> p.id().equals(i.packId())).findFirst().orElse(null);
		if (pack == null) {
			return i.reportType();
		}
		return pack.incidentTypes()
			.stream()
			.filter(t -> t.id().equals(i.reportType()))
			.map(RulePack.IncidentType::title)
			.findFirst()
			.orElse(i.reportType());
	}

	private String timelineText(Incident.TimelineEntry e) {
		StringBuilder line = new StringBuilder(
				messages.getMessage("incidentDocuments.event." + e.kind(), null, e.kind(), VIETNAMESE));
		if (e.to() != null) {
			IncidentStatus.of(e.to())
				.ifPresent(s -> line.append(": ").append(text("incidentDocuments.status." + s.code())));
		}
		if (e.text() != null && !e.text().isBlank()) {
			line.append(" — ").append(e.text());
		}
		return line.toString();
	}

	private Field field(String key, @Nullable String value) {
		return new Field(label(key), orEmpty(value));
	}

	private Choice yesNo(String key, @Nullable Boolean value) {
		String yes = text("incidentDocuments.yes");
		String no = text("incidentDocuments.no");
		return new Choice(label(key), List.of(yes, no),
				value == null ? Set.of() : Set.of(Boolean.TRUE.equals(value) ? yes : no));
	}

	private <E extends Enum<E>> Choice choice(String key, String optionPrefix, List<E> options, @Nullable E ticked) {
		List<String> labels = options.stream()
			.map(o -> text(optionPrefix + o.name().toLowerCase(Locale.ROOT)))
			.toList();
		return new Choice(label(key), labels,
				ticked == null ? Set.of() : Set.of(text(optionPrefix + ticked.name().toLowerCase(Locale.ROOT))));
	}

	private String label(String key) {
		return text(key) + ":";
	}

	private String dateLine(LocalDate day) {
		return dateLine(messages, dating, day);
	}

	/**
	 * {@code ……, ngày 05 tháng 02 năm 2026}: Decree 30/2020/NĐ-CP writes a day below 10
	 * and the months January and February with a leading zero; without a place set, it is
	 * written by hand.
	 */
	static String dateLine(MessageSource messages, IncidentDocumentsSettings dating, LocalDate day) {
		String place = dating.placeOrNull();
		String d = day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : Integer.toString(day.getDayOfMonth());
		String m = day.getMonthValue() < 3 ? "0" + day.getMonthValue() : Integer.toString(day.getMonthValue());
		// NB: strings, so that MessageFormat does not group the year as 2.026
		return messages.getMessage("incidentDocuments.dateLine",
				new Object[] { place != null ? place : messages.getMessage("incidentDocuments.blank", null, VIETNAMESE),
						d, m, Integer.toString(day.getYear()) },
				VIETNAMESE);
	}

	private static String moment(OffsetDateTime at) {
		return MOMENT.format(at.atZoneSameInstant(IncidentRows.ZONE));
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, VIETNAMESE);
	}

}
