package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.registry.AgencyManagement.AgencyDetails;

@KhienTest
class ReorgApiTests {

	static final LocalDate BEFORE = LocalDate.of(2020, 1, 1);

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyManagement management;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A fixture agency whose recorded history starts in 2020, so a 2025 reorganisation
	 * can follow it.
	 */
	Agency fixture(String prefix, String name, AgencyKind kind, Long parentId) {
		String code = prefix + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
		return management.create(new AgencyDetails(code, name, kind, parentId, null, null, null, null, null), BEFORE);
	}

	long root() {
		return agencies.findByCode("UBND-T").orElseThrow().id();
	}

	MvcTestResult post(String path, String user, String lang, String json) {
		return mvc.post()
			.uri(path)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", lang)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	long reorganisationCount() {
		return jdbc.sql("SELECT COUNT(*) FROM reorganisation").query(Long.class).single();
	}

	@Test
	void mergeMovesChildrenAndAccountsAndKeepsTheHistory() {
		Agency district = fixture("RT-H", "Huyện Thử", AgencyKind.DISTRICT, root());
		Agency a = fixture("RT-XA", "Xã Thử A", AgencyKind.COMMUNE, district.id());
		Agency b = fixture("RT-XB", "Xã Thử B", AgencyKind.COMMUNE, district.id());
		Agency school = fixture("RT-MN", "Trường Mầm non Thử", AgencyKind.PUBLIC_SERVICE_UNIT, a.id());
		String username = "rt-user-" + SEQ.incrementAndGet();
		accounts.create(new Accounts.NewAccount(username, "Cán bộ xã", null, "Secret-password-1",
				EnumSet.of(Role.AGENCY_OFFICER), a.id(), null));
		String newCode = "RT-XM-" + SEQ.incrementAndGet();

		var result = post("/api/v1/reorganisations/merge", "operator", "en", """
				{"sourceIds": [%d, %d], "newSuccessor": {"code": "%s", "name": "Xã Thử Mới", "kind": "COMMUNE",
				 "parentId": %d}, "effectiveDate": "2025-07-01", "note": "Nghị quyết 2025"}""".formatted(a.id(), b.id(),
				newCode, root()));

		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.kind").isEqualTo("MERGE");
		assertThat(result).bodyJson().extractingPath("$.leftBehind.assets").isEqualTo(0);
		Agency successor = agencies.findByCode(newCode).orElseThrow();
		assertThat(agencies.get(a.id()).status()).isEqualTo(AgencyStatus.MERGED);
		assertThat(agencies.get(a.id()).successorId()).isEqualTo(successor.id());
		assertThat(agencies.get(b.id()).status()).isEqualTo(AgencyStatus.MERGED);
		assertThat(agencies.get(school.id()).parentId()).isEqualTo(successor.id());
		assertThat(accounts.findByUsername(username).orElseThrow().agencyId()).isEqualTo(successor.id());
		String admin = logins.bearer("admin");
		assertThat(
				mvc.get().uri("/api/v1/agencies/{id}/history?date=2025-06-30", a.id()).header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].status")
			.isEqualTo("ACTIVE");
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2025-06-30", school.id())
			.header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].parentId")
			.asNumber()
			.satisfies(p -> assertThat(p.longValue()).isEqualTo(a.id()));
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2025-07-01", school.id())
			.header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].parentId")
			.asNumber()
			.satisfies(p -> assertThat(p.longValue()).isEqualTo(successor.id()));
		assertThat(
				mvc.get().uri("/api/v1/agencies/{id}/history?date=2025-07-01", a.id()).header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].status")
			.isEqualTo("MERGED");
		// the successor did not exist before the effective date
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2025-06-30", successor.id())
			.header("Authorization", admin)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/reorganisations?agency={id}", a.id()).header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(1);
	}

	@Test
	void splitHandsRecordsToTheChosenTarget() {
		Agency source = fixture("RT-S", "Xã Sẽ Tách", AgencyKind.COMMUNE, root());
		Agency unit = fixture("RT-SU", "Trạm Y tế Sẽ Tách", AgencyKind.PUBLIC_SERVICE_UNIT, source.id());
		Agency existing = fixture("RT-SE", "Xã Bên Cạnh", AgencyKind.COMMUNE, root());
		String newCode = "RT-SN-" + SEQ.incrementAndGet();

		var result = post("/api/v1/reorganisations/split", "admin", "vi", """
				{"sourceId": %d, "targets": [{"create": {"code": "%s", "name": "Xã Tách Mới", "kind": "COMMUNE",
				 "parentId": %d}}, {"agencyId": %d}], "recordsTo": 1, "effectiveDate": "01/07/2025"}"""
			.formatted(source.id(), newCode, root(), existing.id()));

		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.targets").asArray().hasSize(2);
		assertThat(agencies.get(source.id()).status()).isEqualTo(AgencyStatus.SPLIT);
		assertThat(agencies.get(source.id()).successorId()).isEqualTo(existing.id());
		assertThat(agencies.get(unit.id()).parentId()).isEqualTo(existing.id());
		assertThat(agencies.findByCode(newCode)).isPresent();
	}

	@Test
	void officerMayNotReorganise() {
		Agency a = fixture("RT-O", "Xã O", AgencyKind.COMMUNE, root());
		long before = reorganisationCount();
		assertThat(post("/api/v1/reorganisations/merge", "officer", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(a.id(), root())))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("/api/v1/reorganisations/split", "leader", "en", """
				{"sourceId": %d, "targets": [{"agencyId": %d}, {"agencyId": %d}], "effectiveDate": "2025-07-01"}"""
			.formatted(a.id(), root(), root()))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(reorganisationCount()).isEqualTo(before);
		assertThat(agencies.get(a.id()).status()).isEqualTo(AgencyStatus.ACTIVE);
	}

	@Test
	void officerSeesOnlyReorganisationsTouchingTheirScope() {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		Agency u1 = fixture("RT-SYT", "Phòng Thử 1", AgencyKind.PUBLIC_SERVICE_UNIT, health);
		Agency u2 = fixture("RT-SYT", "Phòng Thử 2", AgencyKind.PUBLIC_SERVICE_UNIT, health);
		long id = post("/api/v1/reorganisations/merge", "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(u1.id(), u2.id()))
			.getResponse()
			.getStatus() == 201 ? lastReorganisation() : -1;
		assertThat(id).isPositive();
		assertThat(mvc.get().uri("/api/v1/reorganisations/{id}", id).header("Authorization", logins.bearer("officer")))
			.hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/reorganisations/{id}", id).header("Authorization", logins.bearer("officer2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/reorganisations?size=500").header("Authorization", logins.bearer("officer2")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.doesNotContain((int) id);
		assertThat(mvc.get().uri("/api/v1/reorganisations?size=500").header("Authorization", logins.bearer("officer")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].id")
			.asArray()
			.contains((int) id);
	}

	long lastReorganisation() {
		return jdbc.sql("SELECT MAX(id) FROM reorganisation").query(Long.class).single();
	}

	@Test
	void badInputIsRefusedClearlyAndChangesNothing() {
		Agency a = fixture("RT-G", "Xã G1", AgencyKind.COMMUNE, root());
		Agency b = fixture("RT-G", "Xã G2", AgencyKind.COMMUNE, root());
		Agency child = fixture("RT-G", "Đơn vị G", AgencyKind.PUBLIC_SERVICE_UNIT, a.id());
		long before = reorganisationCount();
		long agencyCount = agencies.count();
		String merge = "/api/v1/reorganisations/merge";

		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [999999999], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("There is no agency with id 999999999.");
		assertThat(post(merge, "operator", "vi",
				"""
						{"sourceIds": [%d, %d], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(a.id(),
						b.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Cơ quan tiếp nhận không được nằm trong danh sách cơ quan bị sáp nhập.");
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(a.id(), child.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("reorg.merge.cycle");
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "31/02/2025"}""".formatted(a.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The effective date \"31/02/2025\" is not valid (use dd/MM/yyyy).");
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "successorId": %d}""".formatted(a.id(), b.id()))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The effective date is required.");
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2099-01-01"}""".formatted(a.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("reorg.effective.future");
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "newSuccessor": {"code": "SYT", "name": "X", "kind": "COMMUNE"},
				 "effectiveDate": "2025-07-01"}""".formatted(a.id()))).hasStatus(HttpStatus.CONFLICT);
		assertThat(post(merge, "operator", "en",
				"""
						{"sourceIds": [%d], "successorId": %d, "newSuccessor": {"code": "RT-NEW", "name": "X", "kind": "COMMUNE"},
						 "effectiveDate": "2025-07-01"}"""
					.formatted(a.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(merge, "operator", "en", "{\"sourceIds\": \"abc\"")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(merge, "operator", "en", "{\"sourceIds\": []}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2025-07-01", "note": "%s"}""".formatted(a.id(),
				b.id(), "x".repeat(1001))))
			.hasStatus(HttpStatus.BAD_REQUEST);
		// a merge dated before what is recorded about the agency would rewrite its
		// history
		assertThat(post(merge, "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2019-12-31"}""".formatted(a.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("agency.history.beforeRecorded");
		String split = "/api/v1/reorganisations/split";
		assertThat(post(split, "operator", "en",
				"""
						{"sourceId": %d, "targets": [{"create": {"code": "RT-DUP", "name": "X", "kind": "COMMUNE"}},
						 {"create": {"code": "RT-DUP", "name": "Y", "kind": "COMMUNE"}}], "effectiveDate": "2025-07-01"}"""
					.formatted(a.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Code \"RT-DUP\" is used for two new agencies.");
		assertThat(post(split, "operator", "en",
				"""
						{"sourceId": %d, "targets": [{"agencyId": %d}], "effectiveDate": "2025-07-01"}"""
					.formatted(a.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("reorg.split.twoTargets");
		assertThat(post(split, "operator", "en",
				"""
						{"sourceId": %d, "targets": [{"agencyId": %d}, {"agencyId": %d}], "effectiveDate": "2025-07-01"}"""
					.formatted(a.id(), b.id(), child.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("reorg.split.targetInside");
		assertThat(post(split, "operator", "en", """
				{"sourceId": "x", "targets": 3}""")).hasStatus(HttpStatus.BAD_REQUEST);

		assertThat(reorganisationCount()).isEqualTo(before);
		assertThat(agencies.count()).isEqualTo(agencyCount);
		assertThat(agencies.get(a.id()).status()).isEqualTo(AgencyStatus.ACTIVE);
		assertThat(agencies.get(child.id()).parentId()).isEqualTo(a.id());
	}

	@Test
	void inactiveSourceIsRefused() {
		Agency a = fixture("RT-I", "Xã I", AgencyKind.COMMUNE, root());
		Agency b = fixture("RT-I", "Xã I2", AgencyKind.COMMUNE, root());
		management.deactivate(a.id());
		assertThat(post("/api/v1/reorganisations/merge", "operator", "en", """
				{"sourceIds": [%d], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(a.id(), b.id())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Agency \"%s\" is no longer active (deactivated, merged or split).".formatted(a.code()));
	}

	@Test
	void historyEndpointAnswersByDateAndRespectsScope() {
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2999-01-01", education)
			.header("Authorization", logins.bearer("officer2"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].code")
			.isEqualTo("SGDDT");
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=1999-01-01", education)
			.header("Authorization", logins.bearer("officer2"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2025-07-01", education)
			.header("Authorization", logins.bearer("officer"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=hôm-qua", education)
			.header("Authorization", logins.bearer("officer2"))
			.header("Accept-Language", "en")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isNotNull();
	}

	@Test
	void demoProvinceCarriesThe2025Reform() {
		Agency district = agencies.findByCode("HC-A").orElseThrow();
		Agency oldCommune = agencies.findByCode("XC-A1").orElseThrow();
		Agency newCommune = agencies.findByCode("XHN-A").orElseThrow();
		assertThat(district.status()).isEqualTo(AgencyStatus.MERGED);
		assertThat(district.successorId()).isEqualTo(root());
		assertThat(oldCommune.successorId()).isEqualTo(newCommune.id());
		assertThat(agencies.findByCode("XC-A1-TYT").orElseThrow().parentId()).isEqualTo(newCommune.id());
		String admin = logins.bearer("admin");
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2025-06-30", oldCommune.id())
			.header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].parentId")
			.asNumber()
			.satisfies(p -> assertThat(p.longValue()).isEqualTo(district.id()));
		assertThat(mvc.get().uri("/api/v1/agencies?status=ACTIVE&size=1").header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.asNumber()
			.satisfies(n -> assertThat(n.longValue()).isGreaterThanOrEqualTo(810));
		assertThat(mvc.get().uri("/api/v1/reorganisations?agency={id}", district.id()).header("Authorization", admin))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[0].effectiveDate")
			.isEqualTo("2025-07-01");
	}

}
