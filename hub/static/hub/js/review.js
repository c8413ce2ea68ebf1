// The parent reviewer's screens (templates/review/): after a decision or an error, move focus
// to what says so; make the draft's frame as tall as the draft, so a phone scrolls one page.
document.addEventListener("DOMContentLoaded", () => {
  const announce = document.querySelector("[data-hub-focus]");
  if (announce) announce.focus();

  for (const frame of document.querySelectorAll("iframe[data-hub-fit-height]")) {
    const fit = () => {
      const body = frame.contentDocument && frame.contentDocument.documentElement;
      if (body) frame.style.height = `${body.scrollHeight}px`;
    };
    frame.addEventListener("load", () => {
      fit();
      // Pictures load after the frame does: fit again as the draft grows.
      new ResizeObserver(fit).observe(frame.contentDocument.documentElement);
    });
  }
});
