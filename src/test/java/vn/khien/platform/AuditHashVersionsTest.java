package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The chain's hash versions, on entries built here: version 1 as it was sealed, version 2
 * as it is now.
 */
class AuditHashVersionsTest {

	static final Instant AT = Instant.parse("2026-11-30T08:00:00.123Z");

	static AuditEntry entry(long seq, String prev, int version, String actor, @Nullable String address,
			@Nullable String entityId, @Nullable String after) {
		var unsealed = new AuditEntry(seq, AT.plusSeconds(seq), actor, address, "UPDATE", "chain_test", entityId, null,
				after, prev, "", version);
		return withHash(unsealed, AuditLog.hash(unsealed));
	}

	static AuditEntry withHash(AuditEntry e, String hash) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.address(), e.action(), e.entityType(), e.entityId(),
				e.beforeState(), e.afterState(), e.prevHash(), hash, e.hashVersion());
	}

	static AuditEntry withVersion(AuditEntry e, int version) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.address(), e.action(), e.entityType(), e.entityId(),
				e.beforeState(), e.afterState(), e.prevHash(), e.hash(), version);
	}

	static AuditEntry withAfter(AuditEntry e, String after) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.address(), e.action(), e.entityType(), e.entityId(),
				e.beforeState(), after, e.prevHash(), e.hash(), e.hashVersion());
	}

	/**
	 * Three entries sealed with version 1, then three with version 2, as a database
	 * migrated mid-way holds.
	 */
	static List<AuditEntry> migratedChain() {
		List<AuditEntry> chain = new ArrayList<>();
		String prev = AuditChain.GENESIS;
		for (int seq = 1; seq <= 6; seq++) {
			var e = entry(seq, prev, seq <= 3 ? 1 : 2, "user" + seq, "10.0.0." + seq, "id-" + seq,
					"{\"value\":" + seq + "}");
			chain.add(e);
			prev = e.hash();
		}
		return chain;
	}

	static AuditChain.Verification verify(List<AuditEntry> chain) {
		var walk = new AuditChain.Walk();
		chain.forEach(walk::accept);
		var last = chain.get(chain.size() - 1);
		return walk.end(new AuditLog.AuditHead(last.seq(), last.hash()));
	}

	static List<AuditEntry> changed(List<AuditEntry> chain, long seq, UnaryOperator<AuditEntry> change) {
		List<AuditEntry> copy = new ArrayList<>(chain);
		copy.set((int) seq - 1, change.apply(copy.get((int) seq - 1)));
		return copy;
	}

	@Test
	void entriesThatCollideUnderVersion1GetDifferentVersion2Hashes() {
		// the field separator moved from one field into the next: version 1 reads the
		// same text
		var a1 = entry(7, AuditChain.GENESIS, 1, "alice\u001fdesk", "10.0.0.1", "42", null);
		var b1 = entry(7, AuditChain.GENESIS, 1, "alice", "desk\u001f10.0.0.1", "42", null);
		assertThat(a1.hash()).isEqualTo(b1.hash());
		var a2 = entry(7, AuditChain.GENESIS, 2, "alice\u001fdesk", "10.0.0.1", "42", null);
		var b2 = entry(7, AuditChain.GENESIS, 2, "alice", "desk\u001f10.0.0.1", "42", null);
		assertThat(a2.hash()).isNotEqualTo(b2.hash());

		// a missing value and a value of U+0000
		var nullId1 = entry(8, AuditChain.GENESIS, 1, "bob", null, null, "{}");
		var zeroId1 = entry(8, AuditChain.GENESIS, 1, "bob", null, "\u0000", "{}");
		assertThat(nullId1.hash()).isEqualTo(zeroId1.hash());
		var nullId2 = entry(8, AuditChain.GENESIS, 2, "bob", null, null, "{}");
		var zeroId2 = entry(8, AuditChain.GENESIS, 2, "bob", null, "\u0000", "{}");
		var dashId2 = entry(8, AuditChain.GENESIS, 2, "bob", null, "-", "{}");
		assertThat(List.of(nullId2.hash(), zeroId2.hash(), dashId2.hash())).doesNotHaveDuplicates();
	}

	@Test
	void version2HashCoversTheVersion() {
		var e = entry(9, AuditChain.GENESIS, 2, "carol", null, "1", "{}");
		assertThat(AuditLog.hashV1(e)).isNotEqualTo(e.hash());
		assertThat(AuditLog.hash(withVersion(e, 1))).isNotEqualTo(e.hash());
	}

	@Test
	void chainOfVersion1EntriesFollowedByVersion2EntriesVerifies() {
		assertThat(verify(migratedChain())).isEqualTo(new AuditChain.Verification(true, 6, null, null));
	}

	@Test
	void alteredVersion1EntryIsDetected() {
		var broken = verify(changed(migratedChain(), 2, e -> withAfter(e, "{\"value\":\"forged\"}")));
		assertThat(broken).isEqualTo(new AuditChain.Verification(false, 1, 2L, "content"));
	}

	@Test
	void alteredVersion2EntryIsDetected() {
		var broken = verify(changed(migratedChain(), 5, e -> withAfter(e, "{\"value\":\"forged\"}")));
		assertThat(broken).isEqualTo(new AuditChain.Verification(false, 4, 5L, "content"));
	}

	@Test
	void changedHashVersionIsDetected() {
		// a version 2 entry after another: labelled 1, it would be older than the one
		// before it
		assertThat(verify(changed(migratedChain(), 5, e -> withVersion(e, 1))))
			.isEqualTo(new AuditChain.Verification(false, 4, 5L, "version"));
		// the first version 2 entry labelled 1: the version 1 function does not give its
		// hash
		assertThat(verify(changed(migratedChain(), 4, e -> withVersion(e, 1))))
			.isEqualTo(new AuditChain.Verification(false, 3, 4L, "content"));
		// a version 1 entry labelled 2
		assertThat(verify(changed(migratedChain(), 3, e -> withVersion(e, 2))))
			.isEqualTo(new AuditChain.Verification(false, 2, 3L, "content"));
		// an unknown version is refused, whatever the hash
		assertThat(verify(changed(migratedChain(), 6, e -> withVersion(e, 3))))
			.isEqualTo(new AuditChain.Verification(false, 5, 6L, "version"));
	}

	@Test
	void resealingAVersion2EntryAsVersion1BreaksTheNextLink() {
		// whoever also recomputes the hash with version 1 changes it, and the next
		// entry's link no longer holds
		var broken = verify(changed(migratedChain(), 4, e -> {
			var relabelled = withVersion(e, 1);
			return withHash(relabelled, AuditLog.hashV1(relabelled));
		}));
		assertThat(broken).isEqualTo(new AuditChain.Verification(false, 4, 5L, "link"));
	}

}
