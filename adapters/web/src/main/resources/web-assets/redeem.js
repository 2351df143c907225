// The redemption page's small enhancements; everything works without them (no dependency, CSP 'self').
// 1. The shipping address shows only while a physical reward is chosen.
// 2. The confirmation asks for the delivery status every few seconds until it is final, and updates the
//    aria-live region (status and code).
// 3. The code can be copied.
(function () {
  'use strict';

  function shippingFollowsChoice() {
    var shipping = document.getElementById('shipping');
    var radios = document.querySelectorAll('input[name="rewardId"]');
    if (!shipping || radios.length === 0) {
      return;
    }
    function update() {
      var chosen = document.querySelector('input[name="rewardId"]:checked');
      shipping.hidden = !(chosen && chosen.getAttribute('data-physical') === 'true');
    }
    // The server showed it because a field in it is wrong: leave it visible.
    if (!shipping.querySelector('[aria-invalid="true"]')) {
      update();
    }
    radios.forEach(function (radio) { radio.addEventListener('change', update); });
  }

  function liveStatus() {
    var live = document.getElementById('live');
    if (!live || !window.fetch) {
      return;
    }
    var url = live.getAttribute('data-status-url');
    var status = document.getElementById('status');
    var codeBox = document.getElementById('code-box');
    var code = document.getElementById('code');
    var note = document.getElementById('live-note');
    var delay = 3000;
    var attempts = 0;
    if (live.getAttribute('data-final') === 'true') {
      return;
    }
    if (note) {
      note.hidden = false;
    }
    function poll() {
      attempts += 1;
      fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store', credentials: 'omit' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (answer) {
            if (answer.message && status.textContent !== answer.message) {
              status.textContent = answer.message;
            }
            if (answer.code && code.textContent !== answer.code) {
              code.textContent = answer.code;
              codeBox.hidden = false;
              enableCopy();
            }
            if (answer['final']) {
              if (note) {
                note.hidden = true;
              }
              return;
            }
          }
          // Slow down after a minute; a delivery that takes longer is not worth a request every 3 s.
          setTimeout(poll, attempts > 20 ? 15000 : delay);
        })
        .catch(function () { setTimeout(poll, 15000); });
    }
    setTimeout(poll, delay);
  }

  function enableCopy() {
    var button = document.getElementById('copy-code');
    var code = document.getElementById('code');
    if (!button || !code || !code.textContent.trim() || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    if (button.getAttribute('data-ready')) {
      return;
    }
    button.setAttribute('data-ready', 'true');
    var label = button.textContent;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(code.textContent.trim()).then(function () {
        button.textContent = button.getAttribute('data-copied');
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }

  function start() {
    shippingFollowsChoice();
    liveStatus();
    enableCopy();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
