// The live preview, injected by `report-gen serve` into the chapter's page. It listens to the
// server's event stream (/events/YEAR): on `chapter`, which carries the new chapter's page, it
// swaps the chapter in place (no reload: no flicker, the scroll position stays); on `problems` it shows
// every problem over the last good chapter, until a save fixes them.
(() => {
  const me = document.currentScript;
  const year = me.dataset.year;
  const pdf = me.dataset.kind === 'pdf';
  let shown = Number(me.dataset.generation);
  const overlay = document.getElementById('rg-overlay');
  const list = document.getElementById('rg-problems');
  const count = document.getElementById('rg-count');
  const status = document.getElementById('rg-status');
  const bar = document.getElementById('rg-bar');
  const isPreview = (n) => n.nodeType === 1 && n.hasAttribute('data-rg-preview');
  // The texts in the tool's language (from its message catalog), with {n}, {time}, {message}.
  const texts = JSON.parse(overlay.dataset.texts || '{}');
  const t = (key, values = {}) => (texts[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  const plural = new Intl.PluralRules(overlay.lang || 'en');
  const problems = (n) => (texts.problems?.[plural.select(n)] ?? texts.problems?.other ?? '{n}').replace('{n}', String(n));

  const say = (text, lost) => {
    status.textContent = text;
    status.classList.toggle('rg-lost', Boolean(lost));
  };
  const time = () => new Date().toLocaleTimeString(overlay.lang || undefined);

  // Replaces everything of the page that is the chapter (not the bar, overlay or this script)
  // with the chapter's page `html`. The head is replaced only when it changed (a template's
  // stylesheet), so that an edit of the data does not make the browser restyle everything.
  function swap(html, generation) {
    const fresh = new DOMParser().parseFromString(html, 'text/html');
    const x = window.scrollX;
    const y = window.scrollY;
    const own = (parent) => [...parent.childNodes].filter((n) => !isPreview(n));
    const text = (nodes) => nodes.map((n) => (n.nodeType === 1 ? n.outerHTML : n.textContent)).join('');
    const newHead = own(fresh.head);
    if (text(own(document.head)) !== text(newHead)) {
      for (const n of own(document.head)) n.remove();
      const firstOwn = [...document.head.childNodes].find(isPreview) ?? null;
      for (const n of newHead) document.head.insertBefore(document.adoptNode(n), firstOwn);
    }
    for (const n of own(document.body)) n.remove();
    for (const n of own(fresh.body)) document.body.insertBefore(document.adoptNode(n), overlay);
    window.scrollTo(x, y);
    shown = generation;
  }

  // The overlay sits just below the bar while the bar is in view (it may wrap on a phone), at
  // the top of the window once the bar has scrolled away.
  function place() {
    if (overlay.hidden) return;
    overlay.style.top = `${Math.max(8, bar.getBoundingClientRect().bottom + 8)}px`;
  }
  window.addEventListener('scroll', place, { passive: true });
  document.getElementById('rg-hide').addEventListener('click', () => {
    overlay.hidden = true;
    say(t('hidden'), true);
  });
  window.addEventListener('resize', place);

  function showProblems(p) {
    list.replaceChildren(...p.problems.map((problem) => {
      const li = document.createElement('li');
      if (problem.place) {
        const place = document.createElement('span');
        place.className = 'rg-place';
        place.textContent = problem.place;
        li.append(place);
      }
      const message = document.createElement('span');
      message.className = 'rg-message';
      message.textContent = `${t(problem.level)}: ${problem.message}`;
      li.append(message);
      if (problem.help) {
        const help = document.createElement('span');
        help.className = 'rg-help';
        help.textContent = `${t('help')}: ${problem.help}`;
        li.append(help);
      }
      if (problem.excerpt) {
        const pre = document.createElement('pre');
        pre.textContent = problem.excerpt;
        li.append(pre);
      }
      return li;
    }));
    const more = p.total - p.problems.length;
    count.textContent = problems(p.total)
      + (more > 0 ? ` ${t('firstShown', { n: p.problems.length })}` : '');
    overlay.hidden = false;
    place();
    say(t('notRebuiltAt', { time: time() }));
  }

  // Events are handled one after another, so two quick saves never swap out of order.
  let queue = Promise.resolve();
  const then = (work) => { queue = queue.then(work).catch((e) => say(t('couldNotUpdate', { message: e.message }), true)); };

  // `shown` tells the server which chapter the page has: it then sends only newer ones.
  const events = new EventSource(`/events/${year}?shown=${shown}${pdf ? '&kind=pdf' : ''}`);
  events.addEventListener('chapter', (e) => then(() => {
    const chapter = JSON.parse(e.data);
    if (me.dataset.empty !== undefined) { location.reload(); return; }
    if (pdf && chapter.generation !== shown) {
      // The PDF viewer starts again at the first page: it does not tell the page where it is.
      document.getElementById('rg-pdf').src = `/${year}.pdf?g=${chapter.generation}`;
      shown = chapter.generation;
    } else if (chapter.html !== undefined && chapter.generation !== shown) {
      swap(chapter.html, chapter.generation);
    }
    overlay.hidden = true;
    say(t('upToDate', { time: time() }));
  }));
  events.addEventListener('problems', (e) => then(() => showProblems(JSON.parse(e.data))));
  events.addEventListener('error', () => {
    say(t('notConnected'), true);
  });
})();
