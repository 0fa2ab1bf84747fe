// Runs before the first paint, in the page's <head> (a file of Mend's own:
// the Content-Security-Policy allows no inline script). It reads only
// whether things exist in storage, never what anyone wrote:
// - after Quick exit (mend.closed), nothing of the static page shows: Back
//   from the neutral site finds a blank page until the app shows its
//   closed screen, as before the first screen was static;
// - with the neutral tab title chosen, or a passphrase set (the default
//   then), the tab says "Notes" from the first moment;
// - someone who has already started sees "Opening Mend…" on the home
//   screen instead of the welcome, which the app would replace by their path;
// - the static Quick exit link goes to the neutral site the user chose,
//   marks Mend closed and leaves with location.replace, as the app's
//   button does;
// - the page shows in the language the app will show: the one chosen in
//   Settings, else the first of the browser's languages Mend speaks
//   (Prefs::language and Lang::from_browser); the build wrote a copy of the
//   page in each, and `first-es` shows the Spanish one;
// - `js` on <html> shows the intake's Begin on the static page, and Next
//   there waits for the app, saying so; the numbers beside its options
//   choose them, as in the app.
(function () {
  var root = document.documentElement;
  // Reading storage can throw (a browser set to block site data): every
  // read is guarded, so Quick exit and the rest below are always set up.
  function read(name, key) {
    try {
      return window[name].getItem(key);
    } catch (e) {
      return null;
    }
  }
  function write(name, key, value) {
    try {
      window[name].setItem(key, value);
    } catch (e) {
      // Nothing to keep it in: leaving still works.
    }
  }
  var local = 'localStorage';
  var session = 'sessionStorage';
  function closedBeforeApp() {
    if (read(session, 'mend.closed') !== null || read(local, 'mend.closed') !== null) {
      root.classList.add('closed-before-app');
    }
  }
  closedBeforeApp();
  // Back after Quick exit may restore this very page from the browser's
  // back-forward cache, without running this script again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) closedBeforeApp();
  });
  var documentText = read(local, 'mend.document');
  if (documentText !== null) root.classList.add('returning');
  var prefs = {};
  try {
    prefs = JSON.parse(read(local, 'mend.prefs') || '{}') || {};
  } catch (e) {
    prefs = {};
  }
  // The languages of the static copies (scripts/first_screen.py, LANGUAGES).
  var spoken = ['en', 'es'];
  var lang = spoken.indexOf(prefs.language) !== -1 ? prefs.language : null;
  var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (var i = 0; lang === null && i < browser.length; i++) {
    var primary = String(browser[i]).split(/[-_]/)[0].toLowerCase();
    if (spoken.indexOf(primary) !== -1) lang = primary;
  }
  if (lang === 'es') {
    root.classList.add('first-es');
    root.lang = 'es';
  }
  var sealed = documentText !== null && documentText.indexOf('"sealed"') !== -1;
  var neutral = prefs.neutral_title === true || (prefs.neutral_title == null && sealed);
  // The neutral title in each language (content/i18n/<lang>/domain.toml).
  if (neutral) document.title = lang === 'es' ? 'Notas' : 'Notes';
  else if (lang === 'es') {
    // The page's title in Spanish, once the copy that carries it is here.
    document.addEventListener('DOMContentLoaded', function () {
      var copy = document.getElementById('es');
      var title = copy && copy.getAttribute('data-title');
      if (title && document.getElementById('opening')) document.title = title;
    });
  }
  var exitTo = typeof prefs.exit_url === 'string' && /^https:\/\/[^\s]+$/.test(prefs.exit_url) ? prefs.exit_url : null;
  // The intake's first screen before the app (guides/start.html): Next
  // waits for the app, which carries the answer over, and says so.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.classList || !form.classList.contains('first-intake')) return;
    event.preventDefault();
    var status = form.querySelector('.first-intake__waiting');
    if (status) status.textContent = status.getAttribute('data-waiting');
  });
  // The number beside each option chooses it, as in the app
  // (pages/guide/runner.rs): 1 is the first. Not while typing, nor with a
  // modifier key, which belongs to the browser.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var form = target && target.closest ? target.closest('form.first-intake') : null;
    if (!form || event.ctrlKey || event.altKey || event.metaKey || !/^[1-9]$/.test(event.key)) return;
    if (/^(textarea|select)$/i.test(target.tagName) || (target.tagName === 'INPUT' && !/^(radio|checkbox)$/.test(target.type))) return;
    var group = target.closest('fieldset[data-question]') || form.querySelector('fieldset[data-question]');
    var option = group && group.querySelectorAll('input[type=radio]')[Number(event.key) - 1];
    if (!option) return;
    event.preventDefault();
    option.checked = true;
    option.focus();
  });
  document.addEventListener(
    'click',
    function (event) {
      var link = event.target && event.target.closest ? event.target.closest('a.quick-exit') : null;
      if (!link) return;
      event.preventDefault();
      // Closed, as the app's Quick exit closes it (privacy::Privacy::close):
      // Back to any page of Mend then shows nothing of it.
      write('sessionStorage', 'mend.closed', '1');
      write('localStorage', 'mend.closed', '1');
      window.location.replace(exitTo || link.href);
    },
    true,
  );
  // Begin on the static intake makes its first screen the target; focus
  // follows to that screen's heading, as in the app (Begin itself is gone).
  // The browser has scrolled the target to the top of the window: back to
  // the top, so the header, and Quick exit in it, stay in view as in the app.
  function focusIntakeStep() {
    var step = /^#intake-step-[a-z-]+$/.test(window.location.hash) && document.getElementById(window.location.hash.slice(1));
    var heading = step && step.querySelector('.runner__heading');
    if (!heading) return;
    window.scrollTo(0, 0);
    heading.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', focusIntakeStep);
  // Last: Begin shows only once everything above is in place.
  root.classList.add('js');
})();
