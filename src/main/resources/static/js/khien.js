// Numbers and dates as the pages write them (vn.khien.platform.Formats): counts grouped in the page's
// language, ratios as percentages with at most one decimal, days as dd/MM/yyyy.
window.Khien = (function () {
  const lang = document.documentElement.lang || 'vi';
  const counts = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const days = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });
  return {
    lang: lang,
    number: function (value) { return value == null ? '' : counts.format(value); },
    percent: function (ratio) { return ratio == null ? '' : percents.format(ratio); },
    // a time left, in seconds under a minute, else in minutes
    duration: function (seconds) {
      const unit = seconds < 60 ? 'second' : 'minute';
      const count = seconds < 60 ? Math.max(1, Math.round(seconds)) : Math.round(seconds / 60);
      return new Intl.NumberFormat(lang, { style: 'unit', unit: unit, unitDisplay: 'long' }).format(count);
    },
    // an ISO day (2026-12-01) or a Date
    date: function (value) {
      return value == null ? '' : days.format(typeof value === 'string' ? new Date(value + 'T00:00:00+07:00') : value);
    }
  };
})();

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

// Entity pickers (fragments/picker.html): the text box asks for options as the user types; choosing one fills
// the hidden input the form submits, and a text box cleared by hand clears the choice.
document.addEventListener('htmx:configRequest', function (event) {
  if (event.detail.elt.classList.contains('picker-text')) {
    event.detail.parameters.term = event.detail.elt.value;
  }
});
document.addEventListener('htmx:afterSwap', function (event) {
  const list = event.detail.target;
  if (list.classList.contains('picker-options')) {
    list.closest('.picker').querySelector('.picker-text').setAttribute('aria-expanded', 'true');
  }
});
document.addEventListener('click', function (event) {
  const option = event.target.closest('.picker-options [data-value]');
  const open = document.querySelectorAll('.picker-options:not(:empty)');
  open.forEach(function (list) {
    if (!option || !list.contains(option)) {
      list.replaceChildren();
      list.closest('.picker').querySelector('.picker-text').setAttribute('aria-expanded', 'false');
    }
  });
  if (!option) {
    return;
  }
  const picker = option.closest('.picker');
  picker.querySelector('.picker-value').value = option.dataset.value;
  const text = picker.querySelector('.picker-text');
  text.value = option.dataset.label;
  text.setAttribute('aria-expanded', 'false');
  picker.querySelector('.picker-options').replaceChildren();
  text.focus();
});
document.addEventListener('input', function (event) {
  if (event.target.classList.contains('picker-text')) {
    event.target.closest('.picker').querySelector('.picker-value').value = '';
  }
});

// Page jump (fragments/table.html): the user types a page from 1, the address counts from 0.
document.addEventListener('submit', function (event) {
  const form = event.target.closest('.page-jump');
  if (form) {
    const typed = parseInt(form.querySelector('.page-jump-number').value, 10);
    if (typed >= 1) {
      form.querySelector('input[name="page"]').value = String(typed - 1);
    }
  }
});

// Filter bars (fragments/filters.html): the toggle shown on phones counts the filters the page was asked with
// (hidden inputs are context, such as the agency a list is within, except a picker's value), and a bar with an
// invalid field opens, so that its message is seen.
function activeFilters(fields) {
  return Array.from(fields.querySelectorAll('input[name], select[name], textarea[name]')).filter(function (field) {
    if (field.type === 'checkbox' || field.type === 'radio') {
      return field.checked;
    }
    if (field.type === 'hidden' && !field.classList.contains('picker-value')) {
      return false;
    }
    return field.type !== 'submit' && field.type !== 'button' && field.value.trim() !== '';
  }).length;
}
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.filter-bar .filter-fields').forEach(function (fields) {
    const toggle = fields.parentElement.querySelector('.filter-toggle');
    const count = activeFilters(fields);
    const badge = toggle.querySelector('.filter-count');
    badge.querySelector('.filter-count-value').textContent = count;
    badge.hidden = count === 0;
    if (fields.querySelector('.is-invalid')) {
      fields.classList.add('show');
      toggle.setAttribute('aria-expanded', 'true');
    }
  });
});
