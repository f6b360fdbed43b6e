// Noisy pages (simulator NOISY_PAGES): a long poll that is always open, analytics to another host
// every 300 ms, and the page says which page it is only after a fetch that starts 300 ms late.
(() => {
  const script = document.currentScript;
  const base = new URL("..", script.src).pathname; // the noise routes: /_sim/noise/
  const analytics = script.dataset.thirdParty + base;

  const poll = () => fetch(base + "poll").then(poll, () => setTimeout(poll, 2000));
  poll();

  const track = () => {
    navigator.sendBeacon(analytics + "collect", "page=" + location.pathname);
    new Image().src = analytics + "pixel.gif?t=" + Date.now();
  };
  track();
  setInterval(track, 300);

  setTimeout(() => {
    fetch(base + "ready")
      .then((answer) => answer.json())
      .then(() => {
        document.body.dataset.page = document.body.dataset.pageAfterFetch;
      });
  }, 300);
})();
