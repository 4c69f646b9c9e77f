package vn.khien.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, every statement is planned for the values it is run with. By default the
 * driver turns a statement run five times into a server-side prepared one, and PostgreSQL
 * may then plan it once for any value: an import's lookup of 1,000 identity keys against
 * a table that grew inside its own transaction (so without statistics) was planned as a
 * scan of the whole agency, a second per batch. And the driver sends a batch of inserts
 * as multi-row statements ({@code reWriteBatchedInserts}): an import's batch of 1,000
 * hosts is then a few statements instead of 1,000 (no caller reads a batch's row counts,
 * which the driver then no longer reports one by one).
 */
@Configuration(proxyBeanMethods = false)
class PostgresSettings {

	@Bean
	static BeanPostProcessor postgresDriverSettings() {
		return new BeanPostProcessor() {
			// NB: before initialisation, so that the pool is seen before any wrapper
			// (the tests count statements through one)
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
						&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					hikari.getDataSourceProperties().putIfAbsent("options", "-c plan_cache_mode=force_custom_plan");
					hikari.getDataSourceProperties().putIfAbsent("reWriteBatchedInserts", "true");
				}
				return bean;
			}
		};
	}

}
