/**
 * Syslog receivers: UDP, TCP and TLS listeners that frame what senders send (RFC 6587 on
 * streams) and hand each message to the monitoring pipeline, slowing stream senders down
 * when it is full.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.syslog;
