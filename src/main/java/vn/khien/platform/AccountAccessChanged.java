package vn.khien.platform;

/**
 * An account's access changed: disabled, roles, agency or organisation, password, second
 * factor reset. Its web sessions end and its tokens are revoked in the same transaction,
 * so the next request made with them is refused instead of running with what the account
 * had before.
 */
public record AccountAccessChanged(long userId, String username, String reason) {
}
