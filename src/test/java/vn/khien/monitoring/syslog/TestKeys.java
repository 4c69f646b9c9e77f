package vn.khien.monitoring.syslog;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed server key made for the TLS tests, in a PKCS12 file under the test's
 * temporary folder: no private key is kept in the repository.
 */
final class TestKeys {

	static final String PASSWORD = "test-only-store-password";

	final Path keyStore;

	final X509Certificate certificate;

	private TestKeys(Path keyStore, X509Certificate certificate) {
		this.keyStore = keyStore;
		this.certificate = certificate;
	}

	static TestKeys generate(Path folder) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair pair = generator.generateKeyPair();
		X500Name name = new X500Name("CN=localhost, O=Khien syslog test");
		Instant now = Instant.now();
		var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), name,
				pair.getPublic());
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("syslog", pair.getPrivate(), PASSWORD.toCharArray(),
				new java.security.cert.Certificate[] { certificate });
		Path file = folder.resolve("syslog-test.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, PASSWORD.toCharArray());
		}
		return new TestKeys(file, certificate);
	}

	/** A client that trusts this certificate only. */
	SSLContext clientContext() throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("server", certificate);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
