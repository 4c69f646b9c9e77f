package vn.khien.compliance;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.khien.platform.FileStore;
import vn.khien.platform.UploadTypes;

/**
 * Files offered as evidence (of an assessment, of a lifecycle review): checked for size
 * and kind first, then kept as received in the file store, charged to the owner agency.
 */
@Component
class EvidenceFiles {

	/** What was kept, with the content type its kind gives. */
	record Kept(FileStore.StoredFile file, String contentType) {
	}

	private final FileStore files;

	private final AssessmentSettings settings;

	EvidenceFiles(FileStore files, AssessmentSettings settings) {
		this.files = files;
		this.settings = settings;
	}

	/**
	 * @param size the size the upload declares, -1 when unknown (the store caps it)
	 */
	Kept keep(long agencyId, InputStream content, String filename, @Nullable String contentType, long size) {
		long max = settings.maxEvidenceBytes();
		UploadTypes.Checked checked = UploadTypes.check(content, filename, contentType, size, max);
		String type = checked.contentType();
		FileStore.StoredFile stored = files.storeFor(agencyId, checked.content(), filename, type, max);
		// evidence is a record: the upload retention must not purge it (in the caller's
		// transaction, so an evidence that is not attached after all is purged in time)
		files.keep(stored.id());
		return new Kept(stored, type);
	}

	InputStream open(long fileId, Object what) {
		FileStore.StoredFile file = files.find(fileId)
			.orElseThrow(() -> new vn.khien.platform.NotFoundException("evidence file", what));
		return files.open(file);
	}

}
