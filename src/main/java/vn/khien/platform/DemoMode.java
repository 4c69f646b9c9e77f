package vn.khien.platform;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Whether demo data is loaded on first start: {@code KHIEN_DEMO} when set, otherwise only
 * on the embedded database, so a real PostgreSQL never receives fictional agencies by
 * accident.
 */
@Component
public class DemoMode {

	/** Who writes the demo province at start-up. */
	public static final SystemPrincipal LOADER = SystemPrincipal.of("demo-data",
			SystemPrincipal.Permission.READ_PROVINCE, SystemPrincipal.Permission.WRITE_PROVINCE);

	private final KhienSettings settings;

	private final DataSourceProperties dataSource;

	// NB: public so that tests can decide a rule for either mode without another
	// application context
	public DemoMode(KhienSettings settings, DataSourceProperties dataSource) {
		this.settings = settings;
		this.dataSource = dataSource;
	}

	public boolean enabled() {
		Boolean demo = settings.demo();
		if (demo != null) {
			return demo;
		}
		String url = dataSource.getUrl();
		return url == null || url.startsWith("jdbc:h2:");
	}

}
