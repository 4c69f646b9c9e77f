package vn.khien.monitoring.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyslogConfiguration {

	@Bean
	SyslogReceivers syslogReceivers(SyslogSettings settings, ObjectProvider<SyslogSink> sinks,
			ObjectProvider<MeterRegistry> meters) {
		SyslogSink sink = sinks.getIfAvailable();
		if (sink == null) {
			if (settings.anyListener()) {
				throw new IllegalStateException(
						"khien.monitoring.syslog sets a port but the application has no SyslogSink to hand messages to");
			}
			// NB: no listener, so nothing is ever offered
			sink = message -> false;
		}
		return new SyslogReceivers(settings, sink, meters.getIfAvailable());
	}

}
