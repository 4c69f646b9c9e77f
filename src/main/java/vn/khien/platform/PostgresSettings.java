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
 * scan of the whole agency, a second per batch.
 */
@Configuration(proxyBeanMethods = false)
class PostgresSettings {

	@Bean
	static BeanPostProcessor postgresPlansPerValue() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
						&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
						&& !hikari.getDataSourceProperties().containsKey("options")) {
					hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
				}
				return bean;
			}
		};
	}

}
