package vn.khien.monitoring.sigma;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;

/**
 * Where a Windows rule's category or service is logged: the channel and event ids, as
 * Sigma's Windows pipelines map them (Sysmon for the event categories, Security 4688 for
 * process creation, the PowerShell channels for the script categories, a channel per
 * service).
 */
final class WindowsRouting {

	static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

	static final String SECURITY = "Security";

	private static final String PS = "Microsoft-Windows-PowerShell/Operational";

	private static final String PS_CORE = "PowerShellCore/Operational";

	private static final String PS_CLASSIC = "Windows PowerShell";

	/** A channel and the event ids logged there (none: any id). */
	record Route(String channel, long[] eventIds) {

		boolean security4688() {
			return channel.equals(SECURITY) && eventIds.length == 1 && eventIds[0] == 4688;
		}

	}

	private static Route sysmon(long... ids) {
		return new Route(SYSMON, ids);
	}

	private static final Map<String, List<Route>> CATEGORIES = Map.ofEntries(
			Map.entry("process_creation", List.of(sysmon(1), new Route(SECURITY, new long[] { 4688 }))),
			Map.entry("file_change", List.of(sysmon(2))), Map.entry("network_connection", List.of(sysmon(3))),
			Map.entry("sysmon_status", List.of(sysmon(4, 16))), Map.entry("process_termination", List.of(sysmon(5))),
			Map.entry("driver_load", List.of(sysmon(6))), Map.entry("image_load", List.of(sysmon(7))),
			Map.entry("create_remote_thread", List.of(sysmon(8))), Map.entry("raw_access_thread", List.of(sysmon(9))),
			Map.entry("process_access", List.of(sysmon(10))), Map.entry("file_event", List.of(sysmon(11))),
			Map.entry("registry_add", List.of(sysmon(12))), Map.entry("registry_delete", List.of(sysmon(12))),
			Map.entry("registry_set", List.of(sysmon(13))), Map.entry("registry_rename", List.of(sysmon(14))),
			Map.entry("registry_event", List.of(sysmon(12, 13, 14))),
			Map.entry("create_stream_hash", List.of(sysmon(15))), Map.entry("pipe_created", List.of(sysmon(17, 18))),
			Map.entry("wmi_event", List.of(sysmon(19, 20, 21))), Map.entry("dns_query", List.of(sysmon(22))),
			Map.entry("file_delete", List.of(sysmon(23, 26))), Map.entry("clipboard_capture", List.of(sysmon(24))),
			Map.entry("process_tampering", List.of(sysmon(25))),
			Map.entry("file_block_executable", List.of(sysmon(27))),
			Map.entry("file_block_shredding", List.of(sysmon(28))),
			Map.entry("file_executable_detected", List.of(sysmon(29))), Map.entry("sysmon_error", List.of(sysmon(255))),
			Map.entry("ps_script",
					List.of(new Route(PS, new long[] { 4104 }), new Route(PS_CORE, new long[] { 4104 }))),
			Map.entry("ps_module",
					List.of(new Route(PS, new long[] { 4103 }), new Route(PS_CORE, new long[] { 4103 }))),
			Map.entry("ps_classic_start", List.of(new Route(PS_CLASSIC, new long[] { 400 }))),
			Map.entry("ps_classic_provider_start", List.of(new Route(PS_CLASSIC, new long[] { 600 }))),
			Map.entry("ps_classic_script", List.of(new Route(PS_CLASSIC, new long[] { 800 }))));

	private static final Map<String, List<String>> SERVICES = Map.ofEntries(Map.entry("security", List.of(SECURITY)),
			Map.entry("system", List.of("System")), Map.entry("application", List.of("Application")),
			Map.entry("sysmon", List.of(SYSMON)), Map.entry("powershell", List.of(PS, PS_CORE)),
			Map.entry("powershell-classic", List.of(PS_CLASSIC)),
			Map.entry("taskscheduler", List.of("Microsoft-Windows-TaskScheduler/Operational")),
			Map.entry("wmi", List.of("Microsoft-Windows-WMI-Activity/Operational")),
			Map.entry("windefend", List.of("Microsoft-Windows-Windows Defender/Operational")),
			Map.entry("dns-server", List.of("DNS Server")),
			Map.entry("dns-server-analytic", List.of("Microsoft-Windows-DNS-Server/Analytical")),
			Map.entry("dns-client", List.of("Microsoft-Windows-DNS Client Events/Operational")),
			Map.entry("driver-framework", List.of("Microsoft-Windows-DriverFrameworks-UserMode/Operational")),
			Map.entry("ntlm", List.of("Microsoft-Windows-NTLM/Operational")),
			Map.entry("bits-client", List.of("Microsoft-Windows-Bits-Client/Operational")),
			Map.entry("applocker",
					List.of("Microsoft-Windows-AppLocker/MSI and Script", "Microsoft-Windows-AppLocker/EXE and DLL",
							"Microsoft-Windows-AppLocker/Packaged app-Deployment",
							"Microsoft-Windows-AppLocker/Packaged app-Execution")),
			Map.entry("codeintegrity-operational", List.of("Microsoft-Windows-CodeIntegrity/Operational")),
			Map.entry("firewall-as", List.of("Microsoft-Windows-Windows Firewall With Advanced Security/Firewall")),
			Map.entry("msexchange-management", List.of("MSExchange Management")),
			Map.entry("printservice-admin", List.of("Microsoft-Windows-PrintService/Admin")),
			Map.entry("printservice-operational", List.of("Microsoft-Windows-PrintService/Operational")),
			Map.entry("smbclient-security", List.of("Microsoft-Windows-SmbClient/Security")),
			Map.entry("smbclient-connectivity", List.of("Microsoft-Windows-SmbClient/Connectivity")),
			Map.entry("terminalservices-localsessionmanager",
					List.of("Microsoft-Windows-TerminalServices-LocalSessionManager/Operational")),
			Map.entry("openssh", List.of("OpenSSH/Operational")),
			Map.entry("ldap_debug", List.of("Microsoft-Windows-LDAP-Client/Debug")),
			Map.entry("dhcp", List.of("Microsoft-Windows-DHCP-Server/Operational")),
			Map.entry("security-mitigations",
					List.of("Microsoft-Windows-Security-Mitigations/Kernel Mode",
							"Microsoft-Windows-Security-Mitigations/User Mode")),
			Map.entry("diagnosis-scripted", List.of("Microsoft-Windows-Diagnosis-Scripted/Operational")),
			Map.entry("shell-core", List.of("Microsoft-Windows-Shell-Core/Operational")),
			Map.entry("lsa-server", List.of("Microsoft-Windows-LSA/Operational")),
			Map.entry("appxdeployment-server", List.of("Microsoft-Windows-AppXDeploymentServer/Operational")),
			Map.entry("appxpackaging-om", List.of("Microsoft-Windows-AppxPackaging/Operational")),
			Map.entry("appmodel-runtime", List.of("Microsoft-Windows-AppModel-Runtime/Admin")),
			Map.entry("capi2", List.of("Microsoft-Windows-CAPI2/Operational")),
			Map.entry("certificateservicesclient-lifecycle-system",
					List.of("Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational")),
			Map.entry("kernel-shimengine", List.of("Microsoft-Windows-Kernel-ShimEngine/Operational")),
			Map.entry("iis-configuration", List.of("Microsoft-IIS-Configuration/Operational")),
			Map.entry("sense", List.of("Microsoft-Windows-SENSE/Operational")),
			Map.entry("bitlocker", List.of("Microsoft-Windows-BitLocker/BitLocker Management")),
			Map.entry("vhdmp", List.of("Microsoft-Windows-VHDMP/Operational")),
			Map.entry("wmi-activity", List.of("Microsoft-Windows-WMI-Activity/Operational")));

	/** Any Windows event: a rule with product windows and no category or service. */
	static final List<Route> ANY = List.of();

	private WindowsRouting() {
	}

	/**
	 * The routes of a Windows rule; {@link #ANY} for every Windows event; null when its
	 * category or service is not one this mapping knows.
	 */
	static @Nullable List<Route> routes(LogSource rule) {
		List<String> channels = rule.service() == null ? null : SERVICES.get(rule.service());
		if (rule.service() != null && channels == null) {
			return null;
		}
		if (rule.category() != null) {
			List<Route> routes = CATEGORIES.get(rule.category());
			if (routes == null) {
				return null;
			}
			if (channels == null) {
				return routes;
			}
			return routes.stream().filter(r -> channels.contains(r.channel())).toList();
		}
		if (channels != null) {
			return channels.stream().map(c -> new Route(c, new long[0])).toList();
		}
		return ANY;
	}

	/**
	 * Security 4688's names for the fields a process_creation rule reads under Sysmon's
	 * names: the 4688 name is read first, the rule's own name when the event lacks it.
	 */
	static final Map<String, String> SECURITY_4688 = Map.of("Image", "NewProcessName", "ParentImage",
			"ParentProcessName", "ProcessId", "NewProcessId", "ParentProcessId", "ProcessId", "LogonId",
			"SubjectLogonId", "User", "SubjectUserName");

}
