package testsupport.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

/**
 * A real LDAP server for the tests (UnboundID's in-memory server), standing in for the
 * province's directory: people under ou=people, groups under ou=groups, loaded from
 * test-directory.ldif.
 */
public final class TestDirectory implements AutoCloseable {

	public static final String BASE = "dc=khien,dc=test";

	public static final String PASSWORD = "ldap-test-password";

	private final InMemoryDirectoryServer server;

	private TestDirectory(InMemoryDirectoryServer server) {
		this.server = server;
	}

	public static TestDirectory start() throws Exception {
		var config = new InMemoryDirectoryServerConfig(BASE);
		config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
		config.setSchema(null); // NB: accept departmentNumber etc. without declaring a
								// schema
		var server = new InMemoryDirectoryServer(config);
		try (var ldif = TestDirectory.class.getResourceAsStream("/directory/test-directory.ldif")) {
			server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(ldif));
		}
		server.startListening();
		return new TestDirectory(server);
	}

	public String url() {
		return "ldap://127.0.0.1:" + server.getListenPort();
	}

	/**
	 * Takes the server down, as a directory that is unreachable; {@link #resume} brings
	 * it back.
	 */
	public void pause() {
		server.shutDown("ldap", true);
	}

	public void resume() throws Exception {
		server.startListening("ldap");
	}

	@Override
	public void close() {
		server.shutDown(true);
	}

}
