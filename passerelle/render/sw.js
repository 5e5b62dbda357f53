// Passerelle's service worker: pages a reader opened read again offline. Written by passerelle/render/offline.py,
// which sets the release below (a digest of the site's shell: a new stylesheet or script is a new release).
//
// - Pages (navigations): from the network first, so that a reader online always gets today's page (a job closed
//   meanwhile says so); a copy of each page read is kept, and shown when there is no network. Fellows' stories (and
//   their list) are never kept: a story withdrawn must not outlive its withdrawal on a device. A page the site no longer has
//   (404, 410) is dropped from the copies. At most LIMIT pages are kept, the oldest dropped first.
// - The shell (the site's stylesheets, scripts, fonts and images under assets/, shared by every
//   language): from the copy first, kept per
//   release; every other release's copies are deleted when this one takes over.
// - Employers' logos: like pages. Fellows' photos are never kept.
// - Everything else (feeds, search index, exports, other sites): the network only, untouched.
"use strict";
var RELEASE = "__RELEASE__";
var SCOPE = new URL(self.registration.scope);
var SHELL = "passerelle-shell-" + RELEASE;
var PAGES = "passerelle-pages";
var LOGOS = "passerelle-logos";
var LIMIT = 200;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("passerelle-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function inScope(url) { return url.origin === SCOPE.origin && url.pathname.indexOf(SCOPE.pathname) === 0; }
function isStory(url) { return /^[^\/]+\/stories\//.test(url.pathname.slice(SCOPE.pathname.length)); }
function isShell(url) { return url.pathname.slice(SCOPE.pathname.length).indexOf("assets/") === 0; }
function isLogo(url) { return url.pathname.slice(SCOPE.pathname.length).indexOf("media/logos/") === 0; }

function trim(cache) {
  return cache.keys().then(function (keys) {
    return Promise.all(keys.slice(0, Math.max(0, keys.length - LIMIT)).map(function (k) { return cache.delete(k); }));
  });
}

// From the network, a copy kept in `name` (the newest last, so that trim drops the oldest); the copy when offline.
function fresh(request, url, name, keep) {
  var key = url.origin + url.pathname;
  return fetch(request).then(function (response) {
    if (response.status === 404 || response.status === 410) {
      caches.open(name).then(function (cache) { cache.delete(key); });
    } else if (response.ok && response.type === "basic" && keep) {
      var copy = response.clone();
      caches.open(name).then(function (cache) {
        return cache.delete(key).then(function () { return cache.put(key, copy); }).then(function () { return trim(cache); });
      });
    }
    return response;
  }, function () {
    return caches.open(name).then(function (cache) { return cache.match(key); }).then(function (kept) {
      return kept || Response.error();
    });
  });
}

function shell(request) {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(request).then(function (kept) {
      return kept || fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (!inScope(url)) return;
  if (request.mode === "navigate") event.respondWith(fresh(request, url, PAGES, !isStory(url)));
  else if (isLogo(url)) event.respondWith(fresh(request, url, LOGOS, true));
  else if (isShell(url)) event.respondWith(shell(request));
});
