package vn.khien.inventory.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.khien.inventory.Coverage;
import vn.khien.platform.PageResult;

final class CoveragePayloads {

	private CoveragePayloads() {
	}

	record AgencyCoverageView(long agencyId, String agencyCode, String agencyName, @Nullable Long parentId,
			boolean hasChildren, int inScope, @JsonProperty("protected") int protectedHosts, int unprotected,
			@Nullable Double coverage, int inScopeOwn, int protectedOwn, @Nullable Double coverageOwn) {

		static AgencyCoverageView from(Coverage.AgencyCoverage c) {
			return new AgencyCoverageView(c.agencyId(), c.agencyCode(), c.agencyName(), c.parentId(), c.hasChildren(),
					c.inScope(), c.protectedHosts(), c.unprotected(), c.coverage(), c.inScopeOwn(), c.protectedOwn(),
					c.coverageOwn());
		}
	}

	record TotalsView(int inScope, @JsonProperty("protected") int protectedHosts, int unprotected,
			@Nullable Double coverage) {

		static TotalsView from(Coverage.Totals t) {
			return new TotalsView(t.inScope(), t.protectedHosts(), t.unprotected(), t.coverage());
		}
	}

	/**
	 * A page of agencies; {@code province} only for province-wide roles, {@code agency}
	 * the one drilled into.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CoverageResponse(List<AgencyCoverageView> items, int page, int size, long total,
			@Nullable AgencyCoverageView agency, @Nullable TotalsView province, double target,
			int maxSignatureAgeDays) {

		static CoverageResponse from(Coverage.Overview o, int maxAge) {
			PageResult<AgencyCoverageView> p = o.items().map(AgencyCoverageView::from);
			return new CoverageResponse(p.items(), p.page(), p.size(), p.total(),
					o.agency() == null ? null : AgencyCoverageView.from(o.agency()),
					o.province() == null ? null : TotalsView.from(o.province()), 1.0, maxAge);
		}
	}

	record UnprotectedHostView(long assetId, long agencyId, String agencyCode, String agencyName, String kind,
			@Nullable String hostname, @Nullable String addresses, @Nullable String product,
			@Nullable String productVersion, @Nullable Boolean running, @Nullable LocalDate signatureDate,
			@Nullable Instant lastCheckIn, Coverage.Reason reason) {

		static UnprotectedHostView from(Coverage.UnprotectedHost h) {
			return new UnprotectedHostView(h.assetId(), h.agencyId(), h.agencyCode(), h.agencyName(), h.kind(),
					h.hostname(), h.addresses(), h.product(), h.productVersion(), h.running(), h.signatureDate(),
					h.lastCheckIn(), h.reason());
		}
	}

	record TrendPointView(LocalDate date, int inScope, @JsonProperty("protected") int protectedHosts,
			@Nullable Double coverage) {

		static TrendPointView from(Coverage.TrendPoint p) {
			return new TrendPointView(p.date(), p.inScope(), p.protectedHosts(), p.coverage());
		}
	}

	record TrendResponse(List<TrendPointView> points, double target) {
	}

	record SnapshotResponse(LocalDate date, int agencies) {
	}

}
