package vn.khien.platform.web;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.ImportJob;
import vn.khien.platform.ImportJobs;
import vn.khien.platform.ImportResultLinks;
import vn.khien.platform.InvalidInputException;

/**
 * The progress page of an import job, fed by a server-sent event stream until the job
 * finishes.
 */
@Controller
@RequestMapping("/imports")
class ImportJobPages {

	private final ImportJobs jobs;

	private final ImportJobViews views;

	private final MessageSource messages;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	// One thread polls every open stream: a job's progress is a row, read twice a second.
	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "import-events");
		t.setDaemon(true);
		return t;
	});

	private final List<ImportResultLinks> resultLinks;

	ImportJobPages(ImportJobs jobs, ImportJobViews views, MessageSource messages, List<ImportResultLinks> resultLinks) {
		this.resultLinks = resultLinks;
		this.jobs = jobs;
		this.views = views;
		this.messages = messages;
	}

	@PreDestroy
	void stop() {
		poller.shutdownNow();
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping("/{jobId}")
	String job(@PathVariable String jobId, Model model, Locale locale) {
		ImportJob job = jobs.get(jobId);
		model.addAttribute("job", views.view(job, locale));
		Map<String, String> countLinks = new HashMap<>();
		for (String count : job.counts().keySet()) {
			resultLinks.stream()
				.map(links -> links.link(job, count))
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.ifPresent(link -> countLinks.put(count, link));
		}
		if (!job.problems().isEmpty()) {
			countLinks.put("skipped", "#job-left-out");
		}
		model.addAttribute("countLinks", countLinks);
		model.addAttribute("createdAt", TIME.format(job.createdAt()));
		model.addAttribute("filePurgedAt", job.filePurgedAt() == null ? null : TIME.format(job.filePurgedAt()));
		return "imports/job";
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')")
	@PostMapping("/{jobId}/commit")
	String commit(@PathVariable String jobId, Model model, Locale locale, HttpServletResponse response) {
		try {
			return "redirect:/imports/" + jobs.commit(jobId).id();
		}
		catch (InvalidInputException ex) {
			// the preview again, with why it cannot be confirmed (its upload purged, say)
			response.setStatus(ex.status());
			model.addAttribute("refusal", messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale));
			return job(jobId, model, locale);
		}
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_OPERATOR', 'AGENCY_OFFICER')")
	@PostMapping("/{jobId}/retry")
	String retry(@PathVariable String jobId) {
		return "redirect:/imports/" + jobs.retry(jobId).id();
	}

	@PreAuthorize("isAuthenticated()")
	@GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable String jobId) {
		jobs.get(jobId);
		Authentication reader = SecurityContextHolder.getContext().getAuthentication();
		SseEmitter emitter = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
		AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
		task.set(poller.scheduleWithFixedDelay(() -> {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(reader);
			SecurityContextHolder.setContext(context);
			try {
				ImportJob job = jobs.get(jobId);
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("state", job.state().code());
				data.put("processed", job.processed());
				data.put("bytesRead", job.bytesRead());
				data.put("bytesTotal", job.bytesTotal());
				data.put("counts", job.counts());
				emitter.send(SseEmitter.event()
					.name(job.state().finished() ? "done" : "progress")
					.data(data, MediaType.APPLICATION_JSON));
				if (job.state().finished()) {
					emitter.complete();
					cancel(task);
				}
			}
			catch (IOException | RuntimeException ex) {
				emitter.completeWithError(ex);
				cancel(task);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}, 0, 500, TimeUnit.MILLISECONDS));
		emitter.onCompletion(() -> cancel(task));
		emitter.onTimeout(() -> cancel(task));
		emitter.onError(ex -> cancel(task));
		return emitter;
	}

	private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
		ScheduledFuture<?> f = task.get();
		if (f != null) {
			f.cancel(false);
		}
	}

}
