// Passkeys (WebAuthn) for staff and citizens. Enhances two kinds of page: a sign-in page gets a
// "sign in with passkey" button, a passkey list a form to add one. The page names the endpoints in
// data-options/data-submit (the staff ones are Spring Security's defaults). Both stay hidden where the browser has no WebAuthn,
// and the password sign-in works everywhere.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function decodeIds(list) {
    return (list || []).map(function (entry) {
      return Object.assign({}, entry, { id: toBytes(entry.id) });
    });
  }

  function post(url, csrf, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        // A refusal may say why (an account locked after failed attempts, say).
        return response.json().catch(function () { return {}; }).then(function (answer) {
          var error = new Error('HTTP ' + response.status);
          error.reason = answer.message;
          throw error;
        });
      }
      return response.json();
    });
  }

  function show(element, message) {
    element.textContent = message;
    element.hidden = false;
  }

  var register = document.getElementById('passkey-registrieren');
  if (register) {
    var registerError = document.getElementById('passkey-fehler');
    document.getElementById('passkey-ohne-skript').hidden = true;
    register.hidden = false;
    register.addEventListener('submit', function (event) {
      event.preventDefault();
      registerError.hidden = true;
      var label = register.elements.bezeichnung.value.trim();
      if (!label) {
        show(registerError, register.dataset.labelMissing);
        register.elements.bezeichnung.focus();
        return;
      }
      var csrf = register.dataset.csrf;
      post(register.dataset.options || '/webauthn/register/options', csrf).then(function (options) {
        options.challenge = toBytes(options.challenge);
        options.user.id = toBytes(options.user.id);
        options.excludeCredentials = decodeIds(options.excludeCredentials);
        return navigator.credentials.create({ publicKey: options });
      }).then(function (credential) {
        return post(register.dataset.submit || '/webauthn/register', csrf, {
          publicKey: {
            credential: {
              id: credential.id,
              rawId: toBase64url(credential.rawId),
              response: {
                attestationObject: toBase64url(credential.response.attestationObject),
                clientDataJSON: toBase64url(credential.response.clientDataJSON),
                transports: credential.response.getTransports ? credential.response.getTransports() : []
              },
              type: credential.type,
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            },
            label: label
          }
        });
      }).then(function (result) {
        if (!result.success) {
          throw new Error('not registered');
        }
        window.location.assign(register.dataset.done);
      }).catch(function () {
        show(registerError, register.dataset.failed);
        register.elements.bezeichnung.focus();
      });
    });
  }

  var signIn = document.getElementById('passkey-anmeldung');
  if (signIn) {
    var signInError = document.getElementById('passkey-anmeldung-fehler');
    signIn.hidden = false;
    document.getElementById('passkey-anmelden').addEventListener('click', function () {
      signInError.hidden = true;
      var csrf = signIn.dataset.csrf;
      post(signIn.dataset.options || '/webauthn/authenticate/options', csrf).then(function (options) {
        options.challenge = toBytes(options.challenge);
        options.allowCredentials = decodeIds(options.allowCredentials);
        return navigator.credentials.get({ publicKey: options });
      }).then(function (credential) {
        return post(signIn.dataset.submit || '/login/webauthn', csrf, {
          id: credential.id,
          rawId: toBase64url(credential.rawId),
          response: {
            authenticatorData: toBase64url(credential.response.authenticatorData),
            clientDataJSON: toBase64url(credential.response.clientDataJSON),
            signature: toBase64url(credential.response.signature),
            userHandle: credential.response.userHandle ? toBase64url(credential.response.userHandle) : null
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        });
      }).then(function (result) {
        window.location.assign(result.redirectUrl);
      }).catch(function (error) {
        show(signInError, error.reason || signIn.dataset.failed);
        document.getElementById('passkey-anmelden').focus();
      });
    });
  }
})();
