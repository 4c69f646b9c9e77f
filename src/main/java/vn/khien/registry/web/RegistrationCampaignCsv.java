package vn.khien.registry.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.registry.RegistrationCampaign;
import vn.khien.registry.RegistrationCampaignAgency;
import vn.khien.registry.RegistrationCampaigns;

/**
 * A campaign's agencies as the user sees them (same scope and filters), as CSV for
 * spreadsheets.
 */
@Component
class RegistrationCampaignCsv {

	private final RegistrationCampaigns campaigns;

	private final MessageSource messages;

	RegistrationCampaignCsv(RegistrationCampaigns campaigns, MessageSource messages) {
		this.campaigns = campaigns;
		this.messages = messages;
	}

	ResponseEntity<byte[]> export(long campaignId, RegistrationCampaigns.Filter filter, String sort) {
		RegistrationCampaign campaign = campaigns.get(campaignId);
		Locale locale = LocaleContextHolder.getLocale();
		var out = new StringWriter();
		DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy");
		try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			csv.printRecord(msg("agency.code", locale), msg("agency.name", locale), msg("agency.kind", locale),
					msg("campaign.state", locale), msg("campaign.lastConfirmed", locale));
			int page = 0;
			PageResult<RegistrationCampaignAgency> rows;
			do {
				rows = campaigns.agencies(campaignId, filter, PageQuery.of(page++, PageQuery.MAX_SIZE, sort));
				for (RegistrationCampaignAgency a : rows.items()) {
					csv.printRecord(a.code(), a.name(), msg("agencyKind." + a.kind().name(), locale),
							msg("campaignState." + a.state().name(), locale),
							a.lastConfirmed() == null ? "" : dates.format(a.lastConfirmed()));
				}
			}
			while (rows.hasNext());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// NB: the byte-order mark makes spreadsheet programs read the Vietnamese text as
		// UTF-8
		byte[] body = ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("campaign-" + campaign.id() + ".csv").build().toString())
			.body(body);
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
