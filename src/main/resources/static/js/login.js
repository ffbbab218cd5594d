// The sign-in page: copies the CSRF cookie into the form (the server checks it on POST /login) and shows why the last
// attempt failed. No module, no framework: it must work before anything else is loaded.
(function () {
  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var q = new URLSearchParams(window.location.search);
    var err = q.get('error');
    if (q.has('error')) document.getElementById(err === 'locked' ? 'login-locked' : err === 'oidc' ? 'login-oidc' : 'login-error').hidden = false;
    fetch('api/auth/providers', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (p && p.oidc) {
          document.getElementById('sso-link').href = p.oidcLink;
          document.getElementById('sso').hidden = false;
        }
      })
      .catch(function () {});
    if (q.has('logout')) document.getElementById('login-logout').hidden = false;
    var form = document.getElementById('login-form');
    document.getElementById('csrf').value = cookie('XSRF-TOKEN');
    form.addEventListener('submit', function () {
      document.getElementById('csrf').value = cookie('XSRF-TOKEN');
    });
  });
})();
