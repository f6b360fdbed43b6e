// The speaker of the graphic code: reads it aloud with the browser's speech synthesis
// (no audio file). The reading comes from the server, so the page never holds the code.
document.querySelectorAll(".captcha__voce").forEach((button) => {
  button.addEventListener("click", async () => {
    const answer = await fetch(button.dataset.lettura, { cache: "no-store" });
    const { testo } = await answer.json();
    const voice = new SpeechSynthesisUtterance(testo);
    voice.lang = "it-IT";
    voice.rate = 0.7;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(voice);
  });
});
