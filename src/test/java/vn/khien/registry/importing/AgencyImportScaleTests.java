package vn.khien.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.SqlStatements;
import vn.khien.platform.FileStore;
import vn.khien.platform.FileStore.StoredFile;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * The agency import is linear in its rows: the statements it sends do not grow with them
 * (but for an IN list per thousand), proven by counting them, and a few thousand agencies
 * in a deep tree come out right. Each import runs in a transaction that is rolled back,
 * so the shared database keeps its size.
 */
@KhienTest
class AgencyImportScaleTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	ApplicationContext context;

	@Autowired
	FileStore files;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	StoredFile stored(String csv) {
		return files.storeFor(null, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "scale.csv",
				"text/csv", AgencyFileReader.MAX_BYTES);
	}

	/**
	 * Imports {@code districts} districts (recorded since 2020), then, counted, one file
	 * that renames and moves all of them under a new province body listed last, and adds
	 * {@code communes} communes listed before their districts. Checks what was written,
	 * rolls it back, and answers the statements the second import sent.
	 */
	long importTree(int districts, int communes) {
		String p = "SC" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
		StringBuilder first = new StringBuilder("code,name,kind,parent_code\n");
		for (int d = 0; d < districts; d++) {
			first.append(p).append("-D").append(d).append(",Huyện ").append(d).append(",huyện,UBND-T\n");
		}
		StringBuilder second = new StringBuilder("Mã,Tên,Loại,Mã cấp trên,Thủ trưởng\n");
		for (int c = 0; c < communes; c++) {
			second.append(p)
				.append("-X")
				.append(c)
				.append(",Xã ")
				.append(c)
				.append(",xã,")
				.append(p)
				.append("-D")
				.append(c % districts)
				.append(",Chủ tịch ")
				.append(c)
				.append('\n');
		}
		for (int d = 0; d < districts; d++) {
			second.append(p)
				.append("-D")
				.append(d)
				.append(",Huyện mới ")
				.append(d)
				.append(",huyện,")
				.append(p)
				.append("-ROOT,\n");
		}
		second.append(p).append("-ROOT,Cơ quan gốc,cơ quan cấp tỉnh,UBND-T,\n");
		StoredFile before = stored(first.toString());
		StoredFile after = stored(second.toString());
		AgencyImport imports = context.getBean(AgencyImport.class);
		var tx = new TransactionTemplate(transactions);
		return FixturePrincipal.FIXTURES.call(() -> tx.execute(status -> {
			imports.importFile(before, new AgencyImport.Options(false, LocalDate.of(2020, 1, 1)), false, n -> {
			}, problem -> {
			});
			long[] counts = new long[1];
			long statements = SqlStatements.during(() -> {
				Map<String, Long> result = imports.importFile(after, new AgencyImport.Options(false, null), false,
						n -> {
						}, problem -> {
						});
				counts[0] = result.get("created") * 1_000_000 + result.get("updated");
			});
			assertThat(counts[0]).isEqualTo((communes + 1) * 1_000_000L + districts);

			Agency root = agencies.findByCode(p + "-ROOT").orElseThrow();
			Agency lastDistrict = agencies.findByCode(p + "-D" + (districts - 1)).orElseThrow();
			Agency commune = agencies.findByCode(p + "-X" + (communes - 1)).orElseThrow();
			assertThat(lastDistrict.parentId()).isEqualTo(root.id());
			assertThat(lastDistrict.name()).isEqualTo("Huyện mới " + (districts - 1));
			assertThat(commune.parentId())
				.isEqualTo(agencies.findByCode(p + "-D" + ((communes - 1) % districts)).orElseThrow().id());
			assertThat(commune.headName()).isEqualTo("Chủ tịch " + (communes - 1));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM agency WHERE code LIKE :p AND parent_id IS NOT NULL")
				.param("p", p + "-%")
				.query(Long.class)
				.single()).isEqualTo(districts + communes + 1L);
			// every district: its 2020 row closed today, its row under the new body open
			assertThat(jdbc.sql("""
					SELECT COUNT(*) FROM agency_history h JOIN agency a ON a.id = h.agency_id
					WHERE a.code LIKE :p AND a.kind = 'DISTRICT' AND h.valid_from = :from AND h.valid_to IS NOT NULL""")
				.param("p", p + "-%")
				.param("from", java.sql.Date.valueOf(LocalDate.of(2020, 1, 1)))
				.query(Long.class)
				.single()).isEqualTo(districts);
			assertThat(jdbc.sql("""
					SELECT COUNT(*) FROM agency_history h JOIN agency a ON a.id = h.agency_id
					WHERE a.code LIKE :p AND h.valid_to IS NULL AND h.parent_id = a.parent_id""")
				.param("p", p + "-%")
				.query(Long.class)
				.single()).isEqualTo(districts + communes + 1L);
			assertThat(jdbc.sql(
					"SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'agency' AND action = 'UPDATE' AND after_state LIKE :p")
				.param("p", "%" + p + "-D%")
				.query(Long.class)
				.single()).isEqualTo(districts);
			status.setRollbackOnly();
			return statements;
		}));
	}

	@Test
	void statementsDoNotGrowWithTheRows() {
		long small = importTree(30, 300);
		long large = importTree(300, 3000);
		// NB: IN lists are cut at a thousand codes, so a few thousand rows add a few
		// statements, never one per row
		assertThat(large).as("statements for 3,301 rows against %d for 331", small).isLessThanOrEqualTo(small + 10);
		assertThat(large).isLessThan(60);
	}

}
