// The sign-in page: copies the CSRF cookie into the form (the server checks it on POST /login) and shows why the last
// attempt failed. No module, no framework: it must work before anything else is loaded.
(function () {
  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var q = new URLSearchParams(window.location.search);
    if (q.has('error')) document.getElementById(q.get('error') === 'locked' ? 'login-locked' : 'login-error').hidden = false;
    if (q.has('logout')) document.getElementById('login-logout').hidden = false;
    var form = document.getElementById('login-form');
    document.getElementById('csrf').value = cookie('XSRF-TOKEN');
    form.addEventListener('submit', function () {
      document.getElementById('csrf').value = cookie('XSRF-TOKEN');
    });
  });
})();
