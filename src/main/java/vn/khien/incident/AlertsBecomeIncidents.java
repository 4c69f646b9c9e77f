package vn.khien.incident;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.khien.inventory.ScannedHosts;
import vn.khien.monitoring.AlertEscalated;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.Alerts;

/**
 * An escalated alert becomes a tool's report in the response team's queue, its addresses
 * the case's observables, and the alert names the incident. In the escalating
 * transaction: the analyst's answer already holds the incident's id.
 */
@Component
class AlertsBecomeIncidents {

	private final Incidents incidents;

	private final Alerts alerts;

	AlertsBecomeIncidents(Incidents incidents, Alerts alerts) {
		this.incidents = incidents;
		this.alerts = alerts;
	}

	@EventListener
	void on(AlertEscalated escalated) {
		List<Incidents.ObservableInput> observables = new ArrayList<>();
		for (String address : escalated.addresses()) {
			List<String> keys = ScannedHosts.keysOf(address, null, null);
			if (keys.isEmpty()) {
				continue;
			}
			ObservableKind kind = keys.get(0).startsWith("ip:") ? ObservableKind.IP : ObservableKind.DOMAIN;
			if (kind == ObservableKind.DOMAIN && address.indexOf('.') < 0) {
				// a Windows computer name, not a domain: the case names it in its text
				continue;
			}
			observables.add(new Incidents.ObservableInput(kind, address, null, null));
		}
		long incident = incidents.reportFromMonitoring(new Incidents.MonitoringReport(escalated.alertId(),
				escalated.agencyId(), escalated.systemId(), escalated.title(), escalated.description(),
				severity(escalated.severity()), escalated.firstSeenAt(), observables, escalated.by()));
		alerts.linkIncident(escalated.alertId(), incident);
	}

	static IncidentSeverity severity(AlertSeverity severity) {
		return switch (severity) {
			case CRITICAL -> IncidentSeverity.CRITICAL;
			case HIGH -> IncidentSeverity.HIGH;
			case MEDIUM -> IncidentSeverity.MEDIUM;
			case LOW, INFORMATIONAL -> IncidentSeverity.LOW;
		};
	}

}
