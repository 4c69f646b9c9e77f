package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built application as a separate process, killed while it imports: the job survives.
 * With SIGKILL the interrupted job runs again after the restart; with a normal stop the
 * running job is handed back to the queue. Either way it finishes with its full counts
 * and no duplicate rows. Runs on H2 by default, on PostgreSQL when
 * {@code khien.it.postgres} names a server (the postgres profile).
 */
class JobCrashIT {

	static final int HOSTS = 150_000;

	static final String PASSWORD = "crash-test-password";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static Path work;

	static int port;

	static Process app;

	static int starts;

	@BeforeAll
	static void prepare() throws Exception {
		work = Path.of("target", "crash-it-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		Files.createDirectories(work.resolve("data"));
		String postgres = System.getProperty("khien.it.postgres", "");
		if (!postgres.isBlank()) {
			try (var con = DriverManager.getConnection(postgres + "postgres", "postgres", "");
					var st = con.createStatement()) {
				st.execute("DROP DATABASE IF EXISTS khien_crash");
				st.execute("CREATE DATABASE khien_crash ENCODING 'UTF8' TEMPLATE template0");
			}
		}
		port = freePort();
		start();
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (app != null && app.isAlive()) {
			app.destroy();
			app.waitFor();
		}
	}

	@Test
	void anImportInterruptedBySigkillFinishesAfterTheRestartWithFullCountsAndNoDuplicates() throws Exception {
		String job = submitLargeImport("kill");
		awaitProgress(job);
		app.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
		start();
		JsonNode done = awaitFinished(job);
		assertFullyImported(done, "kill");
		assertThat(done.get("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void anImportRunningWhenTheApplicationStopsIsHandedBackAndFinishesAfterTheStart() throws Exception {
		String job = submitLargeImport("stop");
		awaitProgress(job);
		app.destroy(); // SIGTERM: the application stops normally
		app.waitFor();
		assertThat(Files.readString(log())).contains("handed back to the queue");
		start();
		JsonNode done = awaitFinished(job);
		assertFullyImported(done, "stop");
		assertThat(done.get("attempts").asInt()).isEqualTo(2);
	}

	void assertFullyImported(JsonNode job, String prefix) throws Exception {
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.get("counts").get("parsed").asLong()).isEqualTo(HOSTS);
		assertThat(job.get("counts").get("created").asLong()).isEqualTo(HOSTS);
		JsonNode hosts = get("/api/v1/assets?size=1&q=" + prefix + "-crash-");
		assertThat(hosts.get("total").asLong()).isEqualTo(HOSTS);
	}

	// --- the application process

	static void start() throws Exception {
		starts++;
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar",
						jar().toString()));
		var builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("KHIEN_DATA_DIR", work.resolve("data").toString());
		env.put("KHIEN_DEMO", "true");
		env.put("KHIEN_DEMO_PASSWORD", PASSWORD);
		env.put("KHIEN_ADMIN_PASSWORD", PASSWORD);
		env.put("KHIEN_JOBS_SHUTDOWNGRACE", "0s"); // hand the job back at its next
													// progress report
		String postgres = System.getProperty("khien.it.postgres", "");
		if (!postgres.isBlank()) {
			env.put("SPRING_DATASOURCE_URL", postgres + "khien_crash");
			env.put("SPRING_DATASOURCE_USERNAME", "postgres");
			env.put("SPRING_DATASOURCE_PASSWORD", "");
		}
		app = builder.start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		while (Instant.now().isBefore(deadline)) {
			assertThat(app.isAlive()).as("application exited, see " + log()).isTrue();
			try {
				var health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					token = null;
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("application did not start, see " + log());
	}

	static Path jar() {
		Path jar = Path.of(System.getProperty("khien.jar", "target/khien-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
		assertThat(jar).as("the application jar (built by mvn package)").exists();
		return jar;
	}

	static Path log() {
		return work.resolve("app.log");
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	// --- the API, as a client would use it

	static String token;

	static String token() throws Exception {
		if (token == null) {
			var response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\":\"operator\",\"password\":\"" + PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			token = JSON.readTree(response.body()).get("token").asString();
		}
		return token;
	}

	static JsonNode get(String path) throws Exception {
		var response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	String submitLargeImport(String prefix) throws Exception {
		Path csv = work.resolve(prefix + ".csv");
		try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write("kind,hostname,addresses,mac,os,url,system\n");
			for (int i = 0; i < HOSTS; i++) {
				out.write("workstation," + prefix + "-crash-" + i + ".syt.example.vn,10." + ((i >> 16) & 255) + "."
						+ ((i >> 8) & 255) + "." + (i & 255) + ",,Windows 11,,\n");
			}
		}
		String boundary = "khien-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"agency\"\r\n\r\nSYT\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + prefix
				+ ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
				HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofByteArray(tail));
		var response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/imports/assets"))
			.header("Authorization", "Bearer " + token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JSON.readTree(response.body()).get("jobId").asString();
	}

	/** Waits until the job is running and has read a good part of its file. */
	void awaitProgress(String job) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			JsonNode status = get("/api/v1/imports/" + job);
			assertThat(status.get("state").asString()).as("finished before it could be interrupted")
				.isIn("queued", "running");
			if (status.get("processed").asLong() > 20_000) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import made no progress");
	}

	JsonNode awaitFinished(String job) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		JsonNode status = null;
		while (Instant.now().isBefore(deadline)) {
			status = get("/api/v1/imports/" + job);
			String state = status.get("state").asString();
			if (state.equals("succeeded") || state.equals("failed")) {
				return status;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("job did not finish after the restart: " + status);
	}

	static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
