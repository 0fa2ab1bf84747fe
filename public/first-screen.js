// Runs before the first paint, in the page's <head> (a file of Mend's own:
// the Content-Security-Policy allows no inline script). The home screen's
// static first view welcomes a first visit; someone who has already started
// sees "Opening Mend…" until the app draws their path, instead of a welcome
// that would jump to another page. It reads only whether a document exists.
try {
  if (localStorage.getItem('mend.document') !== null) {
    document.documentElement.classList.add('returning');
  }
} catch (e) {
  // Storage may be off; the welcome then shows, and the app takes over.
}
