// STAMPA prints the page (a Content-Security-Policy without 'unsafe-inline' refuses onclick attributes).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
