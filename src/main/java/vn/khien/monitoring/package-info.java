/**
 * Monitoring: the provincial SOC's events and alerts. Sensors and forwarders send events
 * (HTTP bulk, syslog); each is normalised, attributed to the agency and system that own
 * its host, matched against Sigma rules and correlations, and what fires becomes an alert
 * that can be escalated to an incident (R7).
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring;
