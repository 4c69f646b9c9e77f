package vn.khien.platform;

/**
 * A notice was written to {@code recipients} accounts (published in the writing
 * transaction; listeners after its commit see it only if it committed); {@code mailed}:
 * those with an address wait in the outbox.
 */
public record NoticeSent(String kind, int recipients, boolean mailed) {
}
