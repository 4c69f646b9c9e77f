package vn.khien.compliance.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.compliance.LevelProposals;
import vn.khien.law.LevelProposal;
import vn.khien.law.SystemFacts;
import vn.khien.platform.InvalidInputException;

/** The criteria wizard's API. */
@RestController
@Tag(name = "compliance")
class LevelProposalApi {

	private final LevelProposals proposals;

	LevelProposalApi(LevelProposals proposals) {
		this.proposals = proposals;
	}

	/**
	 * The facts as sent; what is left out takes the value that meets the fewest criteria.
	 */
	record Facts(@Nullable String function, @Nullable Integer onlinePublicServiceLevel,
			@Nullable Boolean administrativeProcedures, @Nullable Long personalDataSubjects,
			@Nullable Boolean sensitivePersonalData, @Nullable Long sensitiveDataSubjects, @Nullable String stateSecret,
			@Nullable String infrastructureScope, @Nullable Boolean conditionalBusiness,
			@Nullable String nationalSecurityHarm, @Nullable String constructionGrade) {

		SystemFacts toFacts() {
			long subjects = personalDataSubjects == null ? 0 : personalDataSubjects;
			// "sensitivePersonalData": the people counted have their sensitive data
			// handled
			long sensitive = sensitiveDataSubjects != null ? sensitiveDataSubjects
					: Boolean.TRUE.equals(sensitivePersonalData) ? subjects : 0;
			return new SystemFacts(function == null ? "internal" : function,
					onlinePublicServiceLevel == null ? 0 : onlinePublicServiceLevel,
					Boolean.TRUE.equals(administrativeProcedures), subjects, sensitive,
					stateSecret == null ? "none" : stateSecret,
					infrastructureScope == null ? "agency" : infrastructureScope,
					Boolean.TRUE.equals(conditionalBusiness),
					nationalSecurityHarm == null ? "none" : nationalSecurityHarm, constructionGrade);
		}

	}

	record ProposalForm(@Nullable LocalDate date, @Nullable Facts facts, @Nullable Long systemId) {
	}

	@Operation(operationId = "proposeLevel", summary = "Propose a system's security level", description = """
			The level the rule pack in force on `date` (default today) gives the facts, or a system's facts \
			from the inventory (`systemId`, instead of `facts`): the highest level of any criterion met, the \
			criterion that decided it with its article, and every criterion met. 400 when the facts meet none \
			(an industrial control system without its construction grade, for one).
			""", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "facts", summary = "A portal handling administrative procedures", value = """
					{"date": "2026-10-01", "facts": {"function": "public_service", "onlinePublicServiceLevel": 0,
					 "administrativeProcedures": true, "personalDataSubjects": 5000, "sensitivePersonalData": false,
					 "stateSecret": "none", "infrastructureScope": "agency"}}
					"""), @ExampleObject(name = "system", summary = "From the inventory", value = """
					{"systemId": 42}
					""") })))
	@PreAuthorize("isAuthenticated()")
	@PostMapping("/api/v1/level-proposals")
	LevelProposal propose(@RequestBody ProposalForm form) {
		LocalDate date = form.date() != null ? form.date() : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		if ((form.facts() == null) == (form.systemId() == null)) {
			throw new InvalidInputException("facts", "compliance.proposal.factsOrSystem");
		}
		return form.systemId() != null ? proposals.forSystem(date, form.systemId())
				: proposals.propose(date, form.facts().toFacts());
	}

}
