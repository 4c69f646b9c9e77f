package vn.khien.readiness;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.SystemFixtures;
import vn.khien.inventory.SystemManagement;
import vn.khien.inventory.Systems;
import vn.khien.platform.Formats;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * Drills, runs and actions made through the real services as the test-fixtures principal,
 * on systems of fresh units, so that no other test sees them.
 */
final class DrillFixtures {

	final AccessFixtures access;

	final DrillManagement management;

	final Drills drills;

	final Systems systems;

	final SystemFixtures systemFixtures;

	DrillFixtures(ApplicationContext context) {
		this.access = new AccessFixtures(context);
		this.management = FixturePrincipal.wrap(context.getBean(DrillManagement.class));
		this.drills = FixturePrincipal.wrap(context.getBean(Drills.class));
		this.systems = FixturePrincipal.wrap(context.getBean(Systems.class));
		this.systemFixtures = new SystemFixtures(FixturePrincipal.wrap(context.getBean(SystemManagement.class)),
				systems, FixturePrincipal.wrap(context.getBean(Agencies.class)));
	}

	static LocalDate today() {
		return LocalDate.now(Formats.ZONE);
	}

	Agency unit(String parentCode) {
		return access.unit(parentCode);
	}

	/** A system of the unit with this approved level. */
	InformationSystem system(Agency unit, int level) {
		InformationSystem s = systemFixtures.system(unit.code(), false);
		return systems.setSecurityLevel(s.id(), level, level);
	}

	/** A planned drill of the kind organised by the unit, on the systems. */
	Drill drill(long organiser, DrillKind kind, Long... systemIds) {
		List<DrillManagement.NewTarget> targets = Arrays.stream(systemIds)
			.map(id -> new DrillManagement.NewTarget(id, null))
			.toList();
		return management.create(new DrillManagement.NewDrill(organiser, kind.code(),
				"Diễn tập " + AccessFixtures.unique("DT"), "Tấn công thay đổi giao diện", today(), targets,
				List.of(new DrillManagement.NewParticipant(organiser, "Nguyễn Văn An", "Quản trị"))));
	}

	/** A run held today with one weakness per owner agency given. */
	DrillRun run(long drillId, Long... owners) {
		List<DrillManagement.NewWeakness> weaknesses = Arrays.stream(owners)
			.map(o -> new DrillManagement.NewWeakness("process", "high", "Chưa có quy trình báo cáo sự cố", o,
					"Phòng CNTT", today().plusDays(30)))
			.toList();
		return management.recordRun(drillId,
				new DrillManagement.NewRun(today(), "08:00 bắt đầu", true, 40, 50, weaknesses));
	}

	/** An open action owned by the agency, on a fresh tabletop drill organised by it. */
	long action(long agency) {
		Drill d = drill(agency, DrillKind.TABLETOP);
		run(d.id(), agency);
		return drills.actions(new Drills.ActionFilter(null, null, d.id()), vn.khien.platform.PageQuery.of(0, 10, null))
			.items()
			.get(0)
			.id();
	}

	/** The same, reported done. */
	long done(long agency) {
		long a = action(agency);
		management.moveAction(a, DrillActionStatus.DONE, "Đã xong");
		return a;
	}

}
