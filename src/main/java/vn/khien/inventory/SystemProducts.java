package vn.khien.inventory;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AuditLog;
import vn.khien.platform.NotFoundException;

/**
 * The products and components a system uses. Readable wherever the system is visible,
 * changed only by its owner's side (like the system itself).
 */
@Service
public class SystemProducts {

	/** What a user may set on a product entry. */
	public record ProductDetails(@Nullable String component, String vendor, String product, @Nullable String version,
			ProductOrigin origin, @Nullable String domesticAlternative) {
	}

	private final JdbcClient jdbc;

	private final Systems systems;

	private final SystemManagement management;

	private final AuditLog audit;

	SystemProducts(JdbcClient jdbc, Systems systems, SystemManagement management, AuditLog audit) {
		this.jdbc = jdbc;
		this.systems = systems;
		this.management = management;
		this.audit = audit;
	}

	/**
	 * Whether to warn that a foreign product is used where a recorded domestic
	 * alternative exists: on systems of security level 3 or higher, or e-government
	 * systems.
	 */
	public static boolean domesticAlternativeWarning(InformationSystem system, SystemProduct product) {
		Integer level = system.securityLevel();
		boolean demanding = system.eGovernment() || (level != null && level >= 3);
		return demanding && product.origin() == ProductOrigin.FOREIGN && product.domesticAlternative() != null
				&& !product.domesticAlternative().isBlank();
	}

	/** The system's products; 404 when the system is not visible. */
	public List<SystemProduct> of(long systemId) {
		systems.get(systemId);
		return jdbc.sql("""
				SELECT id, system_id, component, vendor, product, version, origin, domestic_alternative
				FROM system_product WHERE system_id = :id ORDER BY LOWER(vendor), LOWER(product), id""")
			.param("id", systemId)
			.query((rs, row) -> new SystemProduct(rs.getLong("id"), rs.getLong("system_id"), rs.getString("component"),
					rs.getString("vendor"), rs.getString("product"), rs.getString("version"),
					ProductOrigin.valueOf(rs.getString("origin")), rs.getString("domestic_alternative")))
			.list();
	}

	@Transactional
	public SystemProduct add(long systemId, ProductDetails details) {
		management.editable(systemId);
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO system_product (system_id, component, vendor, product, version, origin, domestic_alternative)
						VALUES (:system, :component, :vendor, :product, :version, :origin, :alternative)""")
			.param("system", systemId)
			.param("component", SystemManagement.trimToNull(details.component()))
			.param("vendor", details.vendor().trim())
			.param("product", details.product().trim())
			.param("version", SystemManagement.trimToNull(details.version()))
			.param("origin", details.origin().name())
			.param("alternative",
					details.origin() == ProductOrigin.FOREIGN
							? SystemManagement.trimToNull(details.domesticAlternative()) : null)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		SystemProduct created = find(systemId, id);
		audit.record("CREATE", "system_product", id, null, created);
		return created;
	}

	@Transactional
	public void remove(long systemId, long productId) {
		management.editable(systemId);
		SystemProduct before = find(systemId, productId);
		jdbc.sql("DELETE FROM system_product WHERE id = :id").param("id", productId).update();
		audit.record("DELETE", "system_product", productId, before, null);
	}

	private SystemProduct find(long systemId, long productId) {
		return of(systemId).stream()
			.filter(p -> p.id() == productId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("system product", productId));
	}

}
