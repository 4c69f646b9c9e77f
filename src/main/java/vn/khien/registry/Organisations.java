package vn.khien.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.KhienUser;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;
import vn.khien.platform.Role;
import vn.khien.platform.VietnameseText;

/**
 * External organisations and their contacts. Province-wide roles read all of them; a user
 * of an organisation reads only their own; nobody else reads any.
 */
@Service
public class Organisations {

	public record Filter(@Nullable OrganisationKind kind, @Nullable String q, @Nullable OrganisationStatus status) {
	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	Organisations(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public PageResult<Organisation> list(Filter filter, PageQuery page) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE " + visible(params));
		if (filter.kind() != null) {
			where.append(" AND o.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.status() != null) {
			where.append(" AND o.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			// NB: without diacritics too, as people type "vien thong" for "Viễn thông"
			where.append(" AND (" + VietnameseText.foldSql("o.name")
					+ " LIKE :q ESCAPE '\\' OR LOWER(COALESCE(o.tax_code, '')) LIKE :q ESCAPE '\\')");
			params.put("q", VietnameseText.containsPattern(filter.q()));
		}
		String order = page.orderBy(Map.of("name", "o.name_key", "kind", "o.kind", "status", "o.status"),
				"o.name_key ASC");
		long total = jdbc.sql("SELECT COUNT(*) FROM organisation o" + where).params(params).query(Long.class).single();
		List<Organisation> items = jdbc
			.sql("SELECT o.* FROM organisation o" + where + " ORDER BY " + order + ", o.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs, List.of()))
			.list();
		return new PageResult<>(items.stream().map(o -> withContacts(o)).toList(), page.page(), page.size(), total);
	}

	public Organisation get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("organisation", id));
	}

	public Optional<Organisation> find(long id) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("SELECT o.* FROM organisation o WHERE o.id = :id AND " + visible(params))
			.params(params)
			.param("id", id)
			.query((rs, n) -> map(rs, List.of()))
			.optional()
			.map(this::withContacts);
	}

	@Transactional
	public Organisation create(Organisation.Details details) {
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO organisation (kind, name, name_key, tax_code, address, website, hotline, email, report_url, status,
						  created_at, updated_at)
						VALUES (:kind, :name, :nameKey, :taxCode, :address, :website, :hotline, :email, :reportUrl, :status, :now, :now)""")
			.params(values(details))
			.param("now", now)
			.update(keys, "id");
		Organisation created = get(keys.getKeyAs(Number.class).longValue());
		audit.record("CREATE", "organisation", created.id(), null, created);
		return created;
	}

	@Transactional
	public Organisation update(long id, Organisation.Details details) {
		Organisation before = get(id);
		jdbc.sql(
				"""
						UPDATE organisation SET kind = :kind, name = :name, name_key = :nameKey, tax_code = :taxCode, address = :address,
						  website = :website, hotline = :hotline, email = :email, report_url = :reportUrl, status = :status,
						  updated_at = :now WHERE id = :id""")
			.params(values(details))
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		Organisation after = get(id);
		audit.record("UPDATE", "organisation", id, before, after);
		return after;
	}

	@Transactional
	public OrganisationContact addContact(long organisationId, OrganisationContact.Details details) {
		get(organisationId);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO organisation_contact (organisation_id, name, title, phone, email)
				VALUES (:org, :name, :title, :phone, :email)""")
			.param("org", organisationId)
			.params(values(details))
			.update(keys, "id");
		OrganisationContact created = contact(organisationId, keys.getKeyAs(Number.class).longValue());
		audit.record("CREATE", "organisation_contact", created.id(), null, created);
		return created;
	}

	@Transactional
	public OrganisationContact updateContact(long organisationId, long contactId, OrganisationContact.Details details) {
		get(organisationId);
		OrganisationContact before = contact(organisationId, contactId);
		jdbc.sql(
				"UPDATE organisation_contact SET name = :name, title = :title, phone = :phone, email = :email WHERE id = :id")
			.params(values(details))
			.param("id", contactId)
			.update();
		OrganisationContact after = contact(organisationId, contactId);
		audit.record("UPDATE", "organisation_contact", contactId, before, after);
		return after;
	}

	@Transactional
	public void removeContact(long organisationId, long contactId) {
		get(organisationId);
		OrganisationContact before = contact(organisationId, contactId);
		jdbc.sql("DELETE FROM organisation_contact WHERE id = :id").param("id", contactId).update();
		audit.record("DELETE", "organisation_contact", contactId, before, null);
	}

	public OrganisationContact contact(long organisationId, long contactId) {
		return jdbc.sql("SELECT * FROM organisation_contact WHERE id = :id AND organisation_id = :org")
			.param("id", contactId)
			.param("org", organisationId)
			.query(Organisations::mapContact)
			.optional()
			.orElseThrow(() -> new NotFoundException("organisation contact", contactId));
	}

	/** The organisations the signed-in user may read. */
	private String visible(Map<String, Object> params) {
		Optional<KhienUser> user = currentUser.find();
		// NB: agencies need the providers' incident-reception contacts, so officers read
		// the whole directory
		if (user.isEmpty() || user.get().readsWholeProvince() || user.get().has(Role.AGENCY_OFFICER)) {
			return "1=1";
		}
		if (user.get().has(Role.ORGANISATION) && user.get().organisationId() != null) {
			params.put("ownOrg", user.get().organisationId());
			return "o.id = :ownOrg";
		}
		return "1=0";
	}

	private Organisation withContacts(Organisation o) {
		List<OrganisationContact> contacts = jdbc
			.sql("SELECT * FROM organisation_contact WHERE organisation_id = :org ORDER BY name, id")
			.param("org", o.id())
			.query(Organisations::mapContact)
			.list();
		return new Organisation(o.id(), o.kind(), o.name(), o.taxCode(), o.address(), o.website(), o.hotline(),
				o.email(), o.reportUrl(), o.status(), contacts);
	}

	private static Map<String, Object> values(Organisation.Details d) {
		Map<String, Object> values = new HashMap<>();
		values.put("kind", d.kind().name());
		values.put("name", d.name().trim());
		values.put("nameKey", VietnameseText.sortKey(d.name().trim()));
		values.put("taxCode", FocalPoints.blankToNull(d.taxCode()));
		values.put("address", FocalPoints.blankToNull(d.address()));
		values.put("website", FocalPoints.blankToNull(d.website()));
		values.put("hotline", FocalPoints.blankToNull(d.hotline()));
		values.put("email", FocalPoints.blankToNull(d.email()));
		values.put("reportUrl", FocalPoints.blankToNull(d.reportUrl()));
		values.put("status", (d.status() == null ? OrganisationStatus.ACTIVE : d.status()).name());
		return values;
	}

	private static Map<String, Object> values(OrganisationContact.Details d) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", d.name().trim());
		values.put("title", FocalPoints.blankToNull(d.title()));
		values.put("phone", FocalPoints.blankToNull(d.phone()));
		values.put("email", FocalPoints.blankToNull(d.email()));
		return values;
	}

	static Organisation map(ResultSet rs, List<OrganisationContact> contacts) throws SQLException {
		return new Organisation(rs.getLong("id"), OrganisationKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("tax_code"), rs.getString("address"), rs.getString("website"), rs.getString("hotline"),
				rs.getString("email"), rs.getString("report_url"), OrganisationStatus.valueOf(rs.getString("status")),
				contacts);
	}

	static OrganisationContact mapContact(ResultSet rs, int row) throws SQLException {
		return new OrganisationContact(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
				rs.getString("title"), rs.getString("phone"), rs.getString("email"));
	}

}
