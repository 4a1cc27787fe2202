// The waiting room's display reloads itself every 20 seconds, so a screen on the wall shows new calls.
// Without JavaScript the page is simply up to date when loaded.
(function () {
  'use strict';
  window.setTimeout(function () { window.location.reload(); }, 20000);
})();
