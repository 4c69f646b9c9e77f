// Follows an import job's progress (server-sent events) and shows the summary when it finishes.
document.addEventListener('DOMContentLoaded', function () {
  const box = document.getElementById('job-progress');
  if (!box || !window.EventSource) {
    return;
  }
  const processed = document.getElementById('job-processed');
  const source = new EventSource(box.dataset.eventsUrl);
  source.addEventListener('progress', function (event) {
    const data = JSON.parse(event.data);
    processed.textContent = data.processed.toLocaleString();
  });
  source.addEventListener('done', function () {
    source.close();
    window.location.reload();
  });
  source.onerror = function () {
    source.close();
    window.setTimeout(function () { window.location.reload(); }, 2000);
  };
});
