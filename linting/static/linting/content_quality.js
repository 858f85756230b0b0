/* Content quality side panel: jump to a block, open the panel after a refused publish, and mark
   the blocks that hold blocking findings. The panel HTML is re-rendered by Wagtail on autosave,
   so everything here works through event delegation and re-reads the DOM each time. */
(function () {
  'use strict';

  var PANEL = 'content_quality';

  function blockElement(blockId) {
    if (!blockId || !window.CSS || !CSS.escape) return null;
    return document.querySelector(
      '[data-contentpath="body"] [data-contentpath="' + CSS.escape(blockId) + '"]'
    );
  }

  function flash(el) {
    el.classList.add('vetted-block-flash');
    window.setTimeout(function () { el.classList.remove('vetted-block-flash'); }, 2000);
  }

  // Same-page deep links: Wagtail resolves #:w:contentpath= only on load, so scroll here too.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-vetted-jump]');
    if (!link) return;
    var el = blockElement(link.getAttribute('data-vetted-jump'));
    if (!el) return; // fall back to the plain hash link
    event.preventDefault();
    if (window.history && history.replaceState) history.replaceState(null, '', link.getAttribute('href'));
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    flash(el);
  });

  function lintParam() {
    return new URLSearchParams(window.location.search).get('lint');
  }

  function openPanel() {
    var toggle = document.querySelector('[data-side-panel-toggle="' + PANEL + '"]');
    if (toggle && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  }

  function blockedData() {
    var node = document.getElementById('vetted-blocked-blocks');
    if (!node) return [];
    try { return JSON.parse(node.textContent) || []; } catch (e) { return []; }
  }

  // Returns true once every finding with a block has been placed.
  function markBlockedBlocks() {
    var pending = 0;
    blockedData().forEach(function (item) {
      var el = blockElement(item.block_id);
      if (!el) { pending += 1; return; }
      el.classList.add('vetted-block-blocked');
      var key = item.rule + '|' + item.excerpt;
      var existing = el.querySelectorAll('[data-vetted-block-error]');
      for (var i = 0; i < existing.length; i++) {
        if (existing[i].getAttribute('data-vetted-block-error') === key) return;
      }
      var note = document.createElement('p');
      note.className = 'error-message vetted-block-error';
      note.setAttribute('data-vetted-block-error', key);
      note.setAttribute('role', 'alert');
      note.textContent = 'Blocks publishing (' + item.rule + '): ' + item.message +
        (item.excerpt ? ' \u201c' + item.excerpt + '\u201d' : '');
      el.insertBefore(note, el.firstChild);
    });
    return pending === 0;
  }

  function init() {
    var mode = lintParam();
    if (mode === 'blocked' || mode === 'review') openPanel();
    if (mode !== 'blocked') return;
    if (markBlockedBlocks()) return;
    // StreamField blocks are rendered by script after load: watch until they appear (max 10 s).
    var observer = new MutationObserver(function () {
      if (markBlockedBlocks()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.setTimeout(function () { observer.disconnect(); }, 10000);
  }

  if (document.readyState === 'complete') {
    init();
  } else {
    window.addEventListener('load', init);
  }
})();
