package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import vn.khien.KhienTest;

/**
 * The per-agency upload quota, on a FileStore built with a 10 KB quota over the shared
 * database; agency ids are fresh numbers, so no other test's uploads count here.
 */
@KhienTest
class UploadQuotaTests {

	static final AtomicLong AGENCIES = new AtomicLong(System.nanoTime() % 1_000_000 + 900_000_000L);

	static final long QUOTA = DataSize.ofKilobytes(10).toBytes();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KhienSettings settings;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	MessageSource messages;

	@Autowired
	PlatformTransactionManager transactions;

	FileStore store;

	TransactionTemplate transaction;

	@org.junit.jupiter.api.BeforeEach
	void setUp() {
		var uploads = new KhienSettings.Uploads(DataSize.ofBytes(QUOTA), Duration.ofDays(365));
		store = new FileStore(jdbc, new KhienSettings(settings.dataDir(), null, null, null, null, settings.login(),
				settings.jobs(), uploads, settings.proxy()), currentUser);
		transaction = new TransactionTemplate(transactions);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static long freshAgency() {
		return AGENCIES.incrementAndGet();
	}

	/** Content no other upload has: {@code size} bytes starting with a random marker. */
	static byte[] content(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		byte[] marker = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(marker, 0, bytes, 0, Math.min(marker.length, size));
		return bytes;
	}

	FileStore.StoredFile storeFor(Long agency, byte[] bytes) {
		return transaction
			.execute(s -> store.storeFor(agency, new ByteArrayInputStream(bytes), "hosts.csv", "text/csv", 1_000_000));
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

	Set<Path> filesOnDisk() throws IOException {
		Path root = settings.dataDir().resolve("files");
		if (!Files.exists(root)) {
			return Set.of();
		}
		try (Stream<Path> all = Files.walk(root)) {
			return Set.copyOf(all.filter(Files::isRegularFile).toList());
		}
	}

	String say(InvalidInputException ex, String language) {
		return messages.getMessage(ex.messageKey(), ex.args(), Locale.forLanguageTag(language));
	}

	@Test
	void uploadThatWouldPassTheAgencysQuotaIsRefusedInBothLanguagesAndNothingIsKept() throws IOException {
		long agency = freshAgency();
		storeFor(agency, content(1536));
		long rowsBefore = rows();
		Set<Path> filesBefore = filesOnDisk();

		var refused = catchThrowableOfType(FileStore.QuotaExceededException.class,
				() -> storeFor(agency, content(9000)));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.field()).isEqualTo("file");
		assertThat(say(refused, "vi")).isEqualTo("Tệp chưa được lưu: cơ quan, đơn vị đã dùng 1,5 KB trong hạn mức 10 KB"
				+ " dành cho tệp tải lên, phần còn lại không đủ cho tệp này. Đề nghị quản trị hệ thống nâng hạn mức,"
				+ " hoặc chờ các tệp cũ hết thời hạn lưu giữ.");
		assertThat(say(refused, "en")).isEqualTo("The file was not kept: the agency has used 1.5 KB of its 10 KB upload"
				+ " quota, and what is left is too little for this file. Ask an administrator to raise the quota, or"
				+ " wait for old uploads to pass their retention period.");
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(filesOnDisk()).isEqualTo(filesBefore);
		assertThat(store.usage(agency)).isEqualTo(1536);
	}

	@Test
	void uploadThatFillsTheQuotaExactlyIsKept() {
		long agency = freshAgency();
		storeFor(agency, content(4096));
		FileStore.StoredFile last = storeFor(agency, content((int) QUOTA - 4096));
		assertThat(last.agencyId()).isEqualTo(agency);
		assertThat(store.usage(agency)).isEqualTo(QUOTA);
		assertThat(catchThrowableOfType(FileStore.QuotaExceededException.class, () -> storeFor(agency, content(1))))
			.isNotNull();
	}

	@Test
	void quotaIsPerAgencySoAnotherAgencyCanStillUpload() {
		long full = freshAgency();
		long other = freshAgency();
		storeFor(full, content((int) QUOTA));
		assertThat(catchThrowableOfType(FileStore.QuotaExceededException.class, () -> storeFor(full, content(10))))
			.isNotNull();

		FileStore.StoredFile kept = storeFor(other, content(8000));

		assertThat(kept.agencyId()).isEqualTo(other);
		assertThat(store.find(kept.id())).get().extracting(FileStore.StoredFile::agencyId).isEqualTo(other);
		assertThat(store.usage(other)).isEqualTo(8000);
		assertThat(store.usage(full)).isEqualTo(QUOTA);
	}

	@Test
	void identicalContentIsKeptOnceOnDiskButEachUploadCounts() throws IOException {
		long agency = freshAgency();
		byte[] same = content(4000);
		FileStore.StoredFile first = storeFor(agency, same);
		FileStore.StoredFile second = storeFor(agency, same);
		assertThat(second.sha256()).isEqualTo(first.sha256());
		assertThat(store.usage(agency)).isEqualTo(8000);
		Set<Path> filesBefore = filesOnDisk();

		assertThat(catchThrowableOfType(FileStore.QuotaExceededException.class, () -> storeFor(agency, same)))
			.isNotNull();
		assertThat(filesOnDisk()).isEqualTo(filesBefore).contains(store.pathOf(first.sha256()));
	}

	@Test
	void uploadWhoseRoomWasTakenMeanwhileIsRefusedWhenCharged() {
		long agency = freshAgency();
		long rowsBefore = rows();
		// another upload of the agency is charged while this one is still being read
		InputStream racing = new FilterInputStream(new ByteArrayInputStream(content(6000))) {

			boolean charged;

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (!charged) {
					charged = true;
					jdbc.sql("INSERT INTO upload_usage (agency_id, bytes) VALUES (:agency, 6000)")
						.param("agency", agency)
						.update();
				}
				return super.read(b, off, len);
			}
		};

		var refused = catchThrowableOfType(FileStore.QuotaExceededException.class,
				() -> transaction.execute(s -> store.storeFor(agency, racing, "hosts.csv", "text/csv", 1_000_000)));

		assertThat(say(refused, "en")).contains("has used 5.9 KB of its 10 KB upload quota");
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	void uploadIsChargedToTheUploadersOwnAgencyWhenTheCallerNamesNone() {
		long agency = freshAgency();
		var officer = new KhienUser(-1, "quota-officer", "Quota Officer", Set.of(Role.AGENCY_OFFICER), agency, null);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(officer, null,
					List.of(new SimpleGrantedAuthority(Role.AGENCY_OFFICER.authority()))));

		FileStore.StoredFile kept = transaction
			.execute(s -> store.store(new ByteArrayInputStream(content(3000)), "hosts.csv", "text/csv", 1_000_000));

		assertThat(kept.agencyId()).isEqualTo(agency);
		assertThat(kept.uploadedBy()).isEqualTo("quota-officer");
		assertThat(store.usage(agency)).isEqualTo(3000);
		assertThat(catchThrowableOfType(FileStore.QuotaExceededException.class,
				() -> transaction.execute(
						s -> store.store(new ByteArrayInputStream(content(8000)), "hosts.csv", "text/csv", 1_000_000))))
			.isNotNull();
	}

	@Test
	void uploadForNoAgencyIsNotCapped() {
		FileStore.StoredFile kept = storeFor(null, content((int) QUOTA * 3));
		assertThat(kept.agencyId()).isNull();
		assertThat(store.find(kept.id())).get().extracting(FileStore.StoredFile::agencyId).isNull();
	}

	@Test
	void sizeLimitOfTheCallerStillComesFirst() {
		long agency = freshAgency();
		var refused = catchThrowableOfType(FileStore.TooLargeException.class, () -> transaction
			.execute(s -> store.storeFor(agency, new ByteArrayInputStream(content(5000)), "a.csv", null, 4000)));
		assertThat(refused.messageKey()).isEqualTo("upload.tooLarge");
		assertThat(store.usage(agency)).isZero();
	}

}
