// Behaviour that the CSP keeps out of inline attributes.
document.addEventListener('click', function (event) {
  const target = event.target.closest('[data-confirm]');
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

// htmx requests carry the CSRF token like forms do.
document.addEventListener('htmx:configRequest', function (event) {
  const body = document.body;
  if (body.dataset.csrfHeader) {
    event.detail.headers[body.dataset.csrfHeader] = body.dataset.csrfToken;
  }
});
