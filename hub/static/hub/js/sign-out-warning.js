// Nobody is signed out of the admin unwarned (WCAG 2.2.1): five minutes before the hour idle
// runs out, a dialog says when, with "Stay signed in"; once it has run out, it says so. The
// server keeps the time (hub/accounts/sessions.py): asking it does not count as using the hub,
// staying does, and so does typing on the page, at most once a minute. While the warning shows
// the script asks again every 30 seconds, so staying in another tab closes it here too.
(() => {
  const dialog = document.querySelector("[data-hub-sign-out-warning]");
  if (!dialog || typeof dialog.showModal !== "function") return;
  const url = dialog.dataset.url;
  const warnSeconds = Number(dialog.dataset.warnSeconds);
  let token = dialog.querySelector("input[name=csrfmiddlewaretoken]").value;
  const clock = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: "numeric",
    minute: "2-digit",
  });
  let timer = null;
  let state = null; // what the dialog shows: "warning", "last", "signed-out", or null
  let dismissed = null; // "last" or "signed-out", once closed: not shown again
  let lastStayed = Date.now();

  // "11:53 p.m." in English, as the admin writes times elsewhere; other languages' own way.
  const timeOfDay = (moment) =>
    clock
      .formatToParts(moment)
      .map((part) =>
        part.type === "dayPeriod" ? part.value.toLowerCase().replace(/^([ap])m$/, "$1.m.") : part.value,
      )
      .join("");

  const show = (name, endsAt) => {
    if (dismissed === name) return;
    if (endsAt) {
      for (const time of dialog.querySelectorAll("[data-time]")) time.textContent = timeOfDay(endsAt);
    }
    if (state === name && dialog.open) return;
    // A new state opens afresh, so the focus moves to it and it is announced.
    if (dialog.open) dialog.close();
    state = name;
    for (const part of dialog.querySelectorAll("[data-state]")) {
      part.hidden = part.dataset.state !== name;
    }
    dialog.setAttribute("aria-labelledby", `hub-sign-out-${name}-title`);
    dialog.setAttribute("aria-describedby", `hub-sign-out-${name}-text`);
    dialog.showModal();
  };

  const close = () => {
    if (state === "last" || state === "signed-out") dismissed = state;
    state = null;
    if (dialog.open) dialog.close();
  };

  // What the server says is left: {seconds_left, can_stay}; "refused" if it refused a stale
  // CSRF token (the person signed in again in another tab); null if it could not be asked.
  const ask = async (method = "GET") => {
    try {
      const response = await fetch(url, {
        method,
        credentials: "same-origin",
        redirect: "manual", // signed out, the admin sends the question to its sign-in page
        headers: { Accept: "application/json", "X-CSRFToken": token },
      });
      if (response.type === "opaqueredirect") return { seconds_left: 0, can_stay: false };
      if (response.status === 403) return "refused";
      if (!response.ok) return null;
      const answer = await response.json();
      token = answer.csrf_token || token;
      return answer;
    } catch {
      return null;
    }
  };

  const schedule = (answer) => {
    clearTimeout(timer);
    if (answer === null || answer === "refused") {
      timer = setTimeout(check, 60 * 1000); // no answer (offline?): ask again in a minute
      return;
    }
    const left = answer.seconds_left;
    if (left <= 0) {
      show("signed-out");
    } else if (left <= warnSeconds) {
      show(answer.can_stay ? "warning" : "last", Date.now() + left * 1000);
      timer = setTimeout(check, Math.min(left + 1, 30) * 1000);
    } else {
      close(); // they stayed, here or in another tab (or signed in again there)
      dismissed = null;
      timer = setTimeout(check, (left - warnSeconds) * 1000);
    }
  };

  async function check() {
    schedule(await ask());
  }

  const stay = async () => {
    lastStayed = Date.now();
    let answer = await ask("POST");
    if (answer === "refused") {
      await check(); // a fresh token, then once more
      answer = await ask("POST");
    }
    schedule(answer);
  };

  dialog.querySelector("[data-stay]").addEventListener("submit", (event) => {
    event.preventDefault();
    close();
    stay();
  });
  for (const button of dialog.querySelectorAll("[data-close]")) {
    button.addEventListener("click", close);
  }
  // Escape on the warning means "I'm here": it stays signed in, as the button does.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    const was = state;
    close();
    if (was === "warning") stay();
  });
  document.addEventListener("input", (event) => {
    if (dialog.contains(event.target) || [state, dismissed].includes("signed-out")) return;
    if (Date.now() - lastStayed > 60 * 1000) stay();
  });
  // Timers sleep in a hidden tab: ask again when it is looked at.
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) check();
  });

  schedule({
    seconds_left: Number(dialog.dataset.secondsLeft),
    can_stay: dialog.dataset.canStay === "true",
  });
})();
