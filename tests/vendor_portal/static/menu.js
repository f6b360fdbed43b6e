// The "Gestione amministrativa" drop-down of the private area.
document.querySelectorAll(".menu-gestione__apri").forEach((button) => {
  const list = document.getElementById(button.getAttribute("aria-controls"));
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  });
});
