// Solves the booking form's proof-of-work (ALTCHA-style): finds the number n with
// SHA-256(salt + n) = challenge and puts the solution into the hidden field "altcha".
// Without JavaScript the form still works; the server then applies a stricter rate limit.
(function () {
  'use strict';
  var form = document.querySelector('form[data-altcha-challenge]');
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var field = form.querySelector('input[name="altcha"]');
  var status = document.getElementById('altcha-status');
  var challenge = form.getAttribute('data-altcha-challenge');
  var salt = form.getAttribute('data-altcha-salt');
  var signature = form.getAttribute('data-altcha-signature');
  var max = parseInt(form.getAttribute('data-altcha-max'), 10);
  var encoder = new TextEncoder();
  var solved = false;
  var waiting = false;

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  function search(from) {
    var batch = [];
    for (var n = from; n <= max && n < from + 500; n++) {
      batch.push(n);
    }
    if (batch.length === 0) {
      return;
    }
    Promise.all(batch.map(function (n) {
      return crypto.subtle.digest('SHA-256', encoder.encode(salt + n)).then(function (d) {
        return hex(d) === challenge ? n : -1;
      });
    })).then(function (results) {
      var found = results.filter(function (n) { return n >= 0; });
      if (found.length > 0) {
        field.value = btoa(JSON.stringify({
          algorithm: 'SHA-256', challenge: challenge, number: found[0], salt: salt, signature: signature
        }));
        solved = true;
        if (waiting) {
          form.submit();
        }
      } else {
        search(from + batch.length);
      }
    });
  }

  form.addEventListener('submit', function (event) {
    if (!solved) {
      event.preventDefault();
      waiting = true;
      if (status) {
        status.textContent = status.getAttribute('data-wait') || '…';
      }
    }
  });
  search(0);
})();
