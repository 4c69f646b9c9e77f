package vn.khien.platform.notification;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.khien.platform.Formats;
import vn.khien.platform.Notifications;
import vn.khien.platform.PageQuery;

/**
 * The signed-in user's notifications page: newest first, each a link to what it is about,
 * marked read one by one or all at once.
 */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

	private final Notifications notifications;

	private final MessageSource messages;

	NotificationPages(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	/** A notification with its text in the reader's language, for the page. */
	record Row(Notifications.Notification notification, String text) {
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping
	String list(@RequestParam(required = false) @Nullable Boolean unread,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var result = notifications.mine(Boolean.TRUE.equals(unread), PageQuery.of(page, size, null))
			.map(n -> new Row(n, notifications.text(n, locale)));
		model.addAttribute("result", result);
		model.addAttribute("unread", Boolean.TRUE.equals(unread));
		return "platform/notifications";
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/{id}/read")
	String read(@PathVariable long id, @RequestParam(required = false) @Nullable Boolean unread,
			@RequestParam(required = false) @Nullable Integer page, RedirectAttributes redirect) {
		notifications.markRead(id);
		redirect.addFlashAttribute("notice", message("notification.marked"));
		return back(unread, page);
	}

	@PreAuthorize("isAuthenticated()")
	@PostMapping("/read-all")
	String readAll(@RequestParam(required = false) @Nullable Boolean unread, RedirectAttributes redirect) {
		int marked = notifications.markAllRead();
		redirect.addFlashAttribute("notice",
				message("notification.markedAll", Formats.number(marked, LocaleContextHolder.getLocale())));
		return back(unread, null);
	}

	// NB: back to the list the user was on, built from the checked values only
	private static String back(@Nullable Boolean unread, @Nullable Integer page) {
		var uri = UriComponentsBuilder.fromPath("/notifications");
		if (Boolean.TRUE.equals(unread)) {
			uri.queryParam("unread", true);
		}
		if (page != null && page > 0 && page <= PageQuery.MAX_OFFSET) {
			uri.queryParam("page", page);
		}
		return "redirect:" + uri.build().toUriString();
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
