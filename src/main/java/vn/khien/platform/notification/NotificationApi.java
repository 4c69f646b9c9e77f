package vn.khien.platform.notification;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.khien.platform.Notifications;
import vn.khien.platform.PageQuery;
import vn.khien.platform.PageResult;

/** The caller's own notifications: read them, mark them read. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications")
class NotificationApi {

	private final Notifications notifications;

	NotificationApi(Notifications notifications) {
		this.notifications = notifications;
	}

	@Operation(operationId = "listNotifications", summary = "List the caller's notifications", description = """
			The caller's own notifications, the newest first, each with its text in the caller's language \
			(`Accept-Language`) and the path in the app it points at; `unread=true` keeps those not yet read.
			""")
	@Parameter(name = "unread", description = "true: only the notifications not yet read.")
	@Parameter(name = "page", description = "The page, from 0.")
	@Parameter(name = "size", description = "Notifications per page (1 to 500, 25 unless given).")
	@PreAuthorize("isAuthenticated()")
	@GetMapping
	PageResult<NotificationView> list(@RequestParam(required = false) @Nullable Boolean unread,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return notifications.mine(Boolean.TRUE.equals(unread), PageQuery.of(page, size, null))
			.map(n -> NotificationView.from(n, notifications.text(n, LocaleContextHolder.getLocale())));
	}

	@Operation(operationId = "readNotification", summary = "Mark a notification read", description = """
			Marks one of the caller's notifications read (again: no change) and answers it. Another user's \
			notification is answered as one that does not exist (404).
			""")
	@Parameter(name = "id", description = "The notification's id.")
	@PreAuthorize("isAuthenticated()")
	@PostMapping("/{id}/read")
	NotificationView read(@PathVariable long id) {
		Notifications.Notification n = notifications.markRead(id);
		return NotificationView.from(n, notifications.text(n, LocaleContextHolder.getLocale()));
	}

	@Operation(operationId = "readAllNotifications", summary = "Mark all the caller's notifications read",
			description = """
					Marks every unread notification of the caller read; `marked` says how many were unread.
					""")
	@PreAuthorize("isAuthenticated()")
	@PostMapping("/read-all")
	Map<String, Integer> readAll() {
		return Map.of("marked", notifications.markAllRead());
	}

}
