// Live checking of the Annex 1/4 form: while the applicant types, the form
// is sent to /api/validate and each problem is shown next to its field, in
// the page's language. The form works the same without this script: the
// server checks it again on submit.
(function () {
  "use strict";
  var form = document.querySelector("form[data-validate]");
  if (!form || !window.fetch) return;
  var kind = form.getAttribute("data-validate");
  var lang = document.documentElement.lang;
  var csrf = form.querySelector("input[name=csrf]").value;
  var fields = form.querySelectorAll("input[type=text][name]");
  var timer = null;

  function input() {
    var data = {};
    fields.forEach(function (f) {
      var v = f.value.trim();
      if (v === "") return;
      var parts = f.name.split("."), o = data;
      for (var i = 0; i < parts.length - 1; i++) o = o[parts[i]] = o[parts[i]] || {};
      o[parts[parts.length - 1]] = v;
    });
    if (data.addressee && !(data.addressee.kk && data.addressee.ru)) {
      data.addressee.kk = data.addressee.kk || "";
      data.addressee.ru = data.addressee.ru || "";
    }
    return data;
  }

  function show(problems) {
    var byPath = {};
    problems.forEach(function (p) { (byPath[p.path] = byPath[p.path] || []).push(p.message); });
    fields.forEach(function (f) {
      // Only fields the applicant has touched get live messages.
      if (!f.dataset.touched) return;
      var box = document.getElementById(f.id + "-error");
      var msgs = byPath[f.name] || [];
      box.textContent = "";
      msgs.forEach(function (m) { var p = document.createElement("p"); p.textContent = m; box.appendChild(p); });
      f.closest(".field").classList.toggle("invalid", msgs.length > 0);
      if (msgs.length) f.setAttribute("aria-invalid", "true"); else f.removeAttribute("aria-invalid");
    });
  }

  function check() {
    fetch("/api/validate/" + kind + "?lang=" + lang, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(input())
    }).then(function (r) {
      if (r.status === 200) return show([]);
      if (r.status === 422) return r.json().then(function (p) { show(p.errors || []); });
    }).catch(function () { /* the server checks again on submit */ });
  }

  fields.forEach(function (f) {
    f.addEventListener("input", function () {
      f.dataset.touched = "1";
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
  });
})();
