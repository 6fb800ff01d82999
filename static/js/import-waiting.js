// The page of an upload the worker is reading: asks every two seconds whether it is done,
// then shows the preview (or the reason it could not be read). Without JavaScript, its
// 刷新 link does the same.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector("[data-reading-status]");
  if (!status || !window.fetch) return;
  const ask = () =>
    fetch(status.dataset.readingStatus, {
      headers: { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" },
      credentials: "same-origin",
    })
      .then((response) => {
        // Logged out or gone: the page itself says so when shown again.
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((answer) => {
        if (answer.state === "reading" && !answer.stalled) window.setTimeout(ask, 2000);
        else window.location.reload();
      })
      .catch(() => window.location.reload());
  window.setTimeout(ask, 2000);
});
