package vn.khien.registry.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.CsvExport;

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

	void export(long campaignId, RegistrationCampaigns.Filter filter, String sort, HttpServletResponse response) {
		RegistrationCampaign campaign = campaigns.get(campaignId);
		Locale locale = LocaleContextHolder.getLocale();
		CsvExport.pages(response, "campaign-" + campaign.id() + ".csv",
				List.of(msg("agency.code", locale), msg("agency.name", locale), msg("agency.kind", locale),
						msg("campaign.state", locale), msg("campaign.lastConfirmed", locale)),
				sort, page -> campaigns.agencies(campaignId, filter, page),
				(RegistrationCampaignAgency a) -> new Object[] { a.code(), a.name(),
						msg("agencyKind." + a.kind().name(), locale), msg("campaignState." + a.state().name(), locale),
						a.lastConfirmed() });
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
