package vn.khien.platform.security;

import java.util.EnumSet;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.khien.platform.Accounts;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.Role;
import vn.khien.platform.SystemPrincipal;

/**
 * Creates the {@code admin} account on first start; a generated password is shown once,
 * never logged.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private final Accounts accounts;

	private final KhienSettings settings;

	AdminBootstrap(Accounts accounts, KhienSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	static final SystemPrincipal BOOTSTRAP = SystemPrincipal.of("bootstrap");

	@Override
	public void run(ApplicationArguments args) {
		BOOTSTRAP.run(this::createAdmin);
	}

	private void createAdmin() {
		if (accounts.exists("admin")) {
			return;
		}
		String password = settings.adminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = Accounts.generatePassword();
		}
		accounts.create(new Accounts.NewAccount("admin", "Quản trị hệ thống", null, password, EnumSet.of(Role.ADMIN),
				null, null));
		if (generated) {
			// NB: deliberately on the console and not in the log files
			System.out.println("\n=== Khiên: account 'admin' created with password: " + password + " ===\n");
		}
	}

}
