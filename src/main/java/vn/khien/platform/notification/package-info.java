/**
 * What is behind {@link vn.khien.platform.Notifications}: the mail outbox and its
 * scheduled sender, the header's bell, the notifications page and API.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.platform.notification;
