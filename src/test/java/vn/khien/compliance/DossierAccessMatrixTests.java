package vn.khien.compliance;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;
import static vn.khien.AccessMatrix.writes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.inventory.SystemFixtures;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.Systems;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * The dossiers' handlers, on systems of a unit of the health department (in
 * {@code officer}'s scope, out of {@code officer2}'s): read by all but assessors and
 * outside organisations, drafted and submitted by the owner's officers and the operators.
 * The appraisal and approval steps, taken by the roles acting for the pack's authorities,
 * are shown in DossierTests. One row per handler.
 */
@KhienTest
class DossierAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] DRAFTERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER };

	static final String DOSSIER_AGENCY = "SELECT agency_id FROM dossier WHERE id = CAST(:v AS BIGINT)";

	@Autowired
	ApplicationContext context;

	@Test
	void everyDossierHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var systems = new SystemFixtures(FixturePrincipal.wrap(context.getBean(SystemManagement.class)),
				FixturePrincipal.wrap(context.getBean(Systems.class)),
				FixturePrincipal.wrap(context.getBean(Agencies.class)));
		Dossiers dossiers = FixturePrincipal.wrap(context.getBean(Dossiers.class));
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		Supplier<Long> newSystem = () -> systems.system(unitRecord.get().code(), false).id();
		Supplier<Long> newDraft = () -> dossiers.create(newSystem.get(), null).id();
		Supplier<Long> complete = () -> {
			long id = newDraft.get();
			for (Dossier.Part p : dossiers.get(id).parts()) {
				dossiers.writePart(id, p.id(), "Nội dung");
			}
			return id;
		};
		Supplier<Long> dossier = AccessMatrix.once(newDraft);
		Supplier<Long> withFile = AccessMatrix.once(() -> {
			long id = newDraft.get();
			dossiers.attach(id, "design", new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.UTF_8)),
					"thiet-ke.pdf", "application/pdf");
			return id;
		});
		Supplier<Long> file = () -> dossiers.get(withFile.get()).parts().get(1).fileId();

		m.api("GET", "/api/v1/dossiers")
			.given(dossier)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/dossiers")
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{\"systemId\":" + newSystem.get() + "}")
			.ok(201);
		m.api("GET", "/api/v1/dossiers/{id}").with("id", dossier).permit(READERS).scope(reads(unit));
		m.api("PUT", "/api/v1/dossiers/{id}/parts/{part}")
			.fresh("id", newDraft)
			.with("part", () -> "overview")
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{\"content\":\"Tổng quan\"}")
			.ok(200);
		m.api("POST", "/api/v1/dossiers/{id}/files")
			.fresh("id", newDraft)
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "tong-quan.pdf", call -> "%PDF-1.4 tổng quan")
			.form(() -> form("part", "overview"))
			.ok(200);
		m.api("GET", "/api/v1/dossiers/{id}/files/{fileId}")
			.with("id", withFile)
			.with("fileId", file)
			.permit(READERS)
			.scope(reads(unit));
		m.api("POST", "/api/v1/dossiers/{id}/transitions")
			.fresh("id", complete)
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{\"to\":\"submitted\"}")
			.ok(200);

		m.page("GET", "/dossiers")
			.given(dossier)
			.permit(READERS)
			.listOf(links("href=\"/dossiers/(\\d+)\"", DOSSIER_AGENCY));
		m.page("POST", "/dossiers")
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("systemId", newSystem.get().toString()))
			.ok(302);
		m.page("GET", "/dossiers/{id}").with("id", dossier).permit(READERS).scope(reads(unit));
		m.page("POST", "/dossiers/{id}/parts/{part}")
			.fresh("id", newDraft)
			.with("part", () -> "overview")
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("content", "Tổng quan"))
			.ok(302);
		m.page("POST", "/dossiers/{id}/files")
			.fresh("id", newDraft)
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "tong-quan.pdf", call -> "%PDF-1.4 tổng quan")
			.form(() -> form("part", "overview"))
			.ok(302);
		m.page("GET", "/dossiers/{id}/files/{fileId}")
			.with("id", withFile)
			.with("fileId", file)
			.permit(READERS)
			.scope(reads(unit));
		m.page("POST", "/dossiers/{id}/transitions")
			.fresh("id", complete)
			.permit(DRAFTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("to", "submitted"))
			.ok(302);
		m.page("GET", "/compliance").given(dossier).permit(READERS);
	}

}
