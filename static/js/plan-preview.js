// Live end date for the start application: asks the server's planner while the student types.
(function () {
  "use strict";
  const output = document.querySelector("[data-plan-preview-url]");
  if (!output) {
    return;
  }
  const form = output.closest("form");
  let pending = null;

  function refresh() {
    const params = new URLSearchParams();
    for (const name of ["school", "start_date"]) {
      const field = form.elements.namedItem(name);
      if (field && field.value) {
        params.append(name, field.value);
      }
    }
    form.querySelectorAll("input[name=weekdays]:checked").forEach(function (box) {
      params.append("weekdays", box.value);
    });
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(output.dataset.planPreviewUrl + "?" + params.toString(), {
      signal: pending.signal,
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        output.innerHTML = html;
      })
      .catch(function () {});
  }

  form.addEventListener("change", function (event) {
    if (["school", "start_date", "weekdays"].includes(event.target.name)) {
      refresh();
    }
  });
})();
