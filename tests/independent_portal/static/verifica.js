// Login code step: the code is checked by a JSON API, so this page needs JavaScript.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var input = document.getElementById("codice-sms");
  var button = document.getElementById("conferma-codice");
  var outcome = document.getElementById("esito-verifica");

  function showError(text, kind) {
    outcome.className = "avviso avviso--errore" + (kind ? " avviso--" + kind : "");
    outcome.textContent = text;
    outcome.hidden = false;
    button.disabled = false;
  }

  function confirm() {
    button.disabled = true;
    outcome.hidden = true;
    outcome.textContent = "";
    fetch("/api/verifica-codice", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ code: input.value.trim() })
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, error: "Risposta non valida dal server: riprova." };
        });
      })
      .then(function (answer) {
        if (answer.ok) {
          window.location = answer.next;
        } else {
          showError(answer.error || "Codice non valido.", answer.outcome);
        }
      })
      .catch(function () {
        showError("Connessione non riuscita: riprova.");
      });
  }

  button.addEventListener("click", confirm);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      confirm();
    }
  });
})();
