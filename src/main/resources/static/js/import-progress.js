// Follows an import job's progress (server-sent events): how much of the stored file has been read, and
// an estimate of what remains from the pace so far; then shows the summary when the job finishes.
document.addEventListener('DOMContentLoaded', function () {
  const box = document.getElementById('job-progress');
  if (!box || !window.EventSource) {
    return;
  }
  const processed = document.getElementById('job-processed');
  const bar = document.getElementById('job-bar');
  const fill = document.getElementById('job-bar-fill');
  const remaining = document.getElementById('job-remaining');
  let started = null;
  const retriesKey = 'khien.import.retries.' + box.dataset.eventsUrl;

  const source = new EventSource(box.dataset.eventsUrl);
  source.addEventListener('progress', function (event) {
    window.sessionStorage.removeItem(retriesKey);
    const data = JSON.parse(event.data);
    processed.textContent = window.Khien.number(data.processed);
    if (data.state !== 'running' || !data.bytesTotal) {
      return;
    }
    const fraction = Math.min(1, data.bytesRead / data.bytesTotal);
    const percent = Math.floor(fraction * 100);
    fill.style.width = percent + '%';
    bar.setAttribute('aria-valuenow', String(percent));
    const now = Date.now();
    if (started === null || fraction === 0) {
      started = { at: now, fraction: fraction };
      return;
    }
    const rate = (fraction - started.fraction) / ((now - started.at) / 1000);
    if (rate > 0) {
      remaining.textContent = remaining.dataset.templateRemaining
        .replace('{percent}', window.Khien.number(percent))
        .replace('{left}', window.Khien.duration((1 - fraction) / rate));
    }
  });
  source.addEventListener('done', function () {
    source.close();
    window.location.reload();
  });
  source.onerror = function () {
    source.close();
    // NB: a few reloads, counted across them, then the page stays as it is rather than reloading for ever
    const retries = Number(window.sessionStorage.getItem(retriesKey) || '0') + 1;
    window.sessionStorage.setItem(retriesKey, String(retries));
    if (retries <= 5) {
      window.setTimeout(function () { window.location.reload(); }, 2000 * retries);
    }
  };
});
