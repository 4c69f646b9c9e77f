package vn.khien.monitoring.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogConfigurationTests {

	private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

	@Test
	void withoutAPortNothingListensAndNoPipelineIsNeeded() {
		SyslogReceivers receivers = new SyslogConfiguration().syslogReceivers(SyslogSettings.ports(null, null, null),
				beans.getBeanProvider(SyslogSink.class), beans.getBeanProvider(MeterRegistry.class));
		receivers.start();
		assertThat(receivers.isRunning()).isFalse();
		assertThat(receivers.port(Transport.UDP)).isEmpty();
		receivers.stop();
	}

	@Test
	void aPortWithoutAPipelineFailsTheStartClearly() {
		assertThatThrownBy(() -> new SyslogConfiguration().syslogReceivers(SyslogSettings.ports(null, 601, null),
				beans.getBeanProvider(SyslogSink.class), beans.getBeanProvider(MeterRegistry.class)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no SyslogSink");
	}

	@Test
	void settingsHaveTheirDefaultsAndRefuseNonsense() {
		SyslogSettings settings = SyslogSettings.ports(null, 0, null);
		assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
		assertThat(settings.maxBytes()).isEqualTo(65536);
		assertThat(settings.maxConnections()).isEqualTo(1000);
		assertThat(settings.tls().keyStoreType()).isEqualTo("PKCS12");
		assertThatThrownBy(() -> SyslogSettings.ports(70000, null, null))
			.hasMessageContaining("khien.monitoring.syslog.udp-port");
		assertThatThrownBy(() -> new SyslogSettings(null, 0, null, null, null,
				org.springframework.util.unit.DataSize.ofBytes(100), null, null, null, null))
			.hasMessageContaining("max-message-size");
	}

}
