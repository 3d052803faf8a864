/* The site's search: reads the index that `report build` writes under search/ (a manifest,
   shards of terms, files of documents) and loads only the pieces a query needs.
   Works without a framework; binds to form.search[data-index] when there is a page. */
(function (global) {
  "use strict";

  var SPLIT = /[^\p{Alphabetic}\p{N}]+/u;
  /* The most shards a word typed in part may load; a shorter start matches whole words only. */
  var PREFIX_SHARDS = 2;
  var PAGE = 20;
  /* The most words a query searches: each may load a shard (up to 40 KB at 10,000 articles), so
     that a query stays within a few hundred kilobytes. */
  var MAX_WORDS = 6;

  /* The words of a text, as the index keeps them: runs of letters and digits, lowercased. */
  function words(text) {
    return text.toLowerCase().split(SPLIT).filter(Boolean);
  }

  /* Compares two strings by code points, as the index sorts its terms. */
  function compare(a, b) {
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) { return x < y ? -1 : 1; }
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return (a.length - i) - (b.length - j) === 0 ? 0 : (i < a.length ? 1 : -1);
  }

  /* The shard holding `term`: the last whose first term is not after it, or -1. */
  function shardOf(firsts, term) {
    var lo = 0, hi = firsts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compare(firsts[mid], term) <= 0) { lo = mid + 1; } else { hi = mid; }
    }
    return lo - 1;
  }

  /* A search over the index at `base` (the folder of index.json), fetching with `fetchFn`. */
  function Search(indexUrl, fetchFn) {
    this.base = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);
    this.indexUrl = indexUrl;
    this.fetch = fetchFn;
    this.files = {};
    this.bytes = 0;
  }

  Search.prototype.load = function (url) {
    var self = this;
    if (!this.files[url]) {
      this.files[url] = this.fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(url + ": HTTP " + response.status); }
        return response.text();
      }).then(function (text) {
        self.bytes += new TextEncoder().encode(text).length;
        return JSON.parse(text);
      });
    }
    return this.files[url];
  };

  Search.prototype.manifest = function () {
    return this.load(this.indexUrl).then(function (m) {
      if (m.version !== 1) { throw new Error("search index version " + m.version); }
      return m;
    });
  };

  /* Each document holding `word` (or, when `partial`, a term starting with it), with its
     weight: a Map from id to weight. */
  Search.prototype.postings = function (m, word, partial) {
    var self = this, first = shardOf(m.shards, word), shards = [];
    if (first >= 0) { shards.push(first); }
    if (partial) {
      for (var n = first + 1; n < m.shards.length && m.shards[n].indexOf(word) === 0; n++) {
        shards.push(n);
      }
      if (shards.length > PREFIX_SHARDS) {
        partial = false;
        shards = shards.slice(0, 1);
        this.shortened = word;
      }
    }
    return Promise.all(shards.map(function (n) {
      return self.load(self.base + "terms/" + n + ".json");
    })).then(function (loaded) {
      var found = new Map();
      loaded.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (term !== word && !(partial && term.indexOf(word) === 0)) { return; }
          var list = shard[term], id = 0;
          for (var k = 0; k < list.length; k += 2) {
            id += list[k];
            found.set(id, Math.max(found.get(id) || 0, list[k + 1]));
          }
        });
      });
      return found;
    });
  };

  /* The ids of the documents holding every word of `text`, best first (by weight, then id). */
  Search.prototype.query = function (text) {
    var self = this, ws = words(text).slice(0, MAX_WORDS);
    this.shortened = null;
    if (!ws.length) { return Promise.resolve([]); }
    var partialLast = !/\s$/.test(text);
    return this.manifest().then(function (m) {
      return Promise.all(ws.map(function (w, i) {
        return self.postings(m, w, partialLast && i === ws.length - 1 && w.length > 1);
      }));
    }).then(function (lists) {
      lists.sort(function (a, b) { return a.size - b.size; });
      var hits = [];
      lists[0].forEach(function (weight, id) {
        var total = weight;
        for (var i = 1; i < lists.length; i++) {
          var w = lists[i].get(id);
          if (w === undefined) { return; }
          total += w;
        }
        hits.push([id, total]);
      });
      hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return hits.map(function (h) { return h[0]; });
    });
  };

  /* The documents of `ids`: {k, t, u, m} each. */
  Search.prototype.docs = function (ids) {
    var self = this;
    return this.manifest().then(function (m) {
      return Promise.all(ids.map(function (id) {
        var file = Math.floor(id / m.docs_per_file);
        return self.load(self.base + "docs/" + file + ".json").then(function (docs) {
          return docs[id % m.docs_per_file];
        });
      }));
    });
  };

  global.ReportSearch = { Search: Search, words: words, shardOf: shardOf, compare: compare, PAGE: PAGE, MAX_WORDS: MAX_WORDS };

  if (typeof document === "undefined") { return; }
  var form = document.querySelector("form.search[data-index]");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var out = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var root = form.getAttribute("data-root") || "";
  var kinds = { article: "Article", briefing: "Briefing" };
  if (location.protocol === "file:") {
    /* A browser lets no page opened from a file fetch the files beside it. */
    var code = document.createElement("code"), index = document.createElement("a");
    code.textContent = "report serve";
    index.href = root + "index.html";
    index.textContent = "index page";
    status.textContent = "";
    status.append("Search loads its index from a web server, which a page opened as a file cannot do. " +
      "Serve the site instead: run ", code, " in the project folder and open the address it prints, " +
      "or publish the site folder on any web server. Every article is also listed on the ", index, ".");
    input.disabled = true;
    form.querySelector("button").disabled = true;
    return;
  }
  var search = new Search(form.getAttribute("data-index"), global.fetch.bind(global));
  var current = 0, hits = [], shown = 0;

  function show(from) {
    var asked = current;
    return search.docs(hits.slice(from, from + PAGE)).then(function (docs) {
      if (asked !== current) { return; }
      docs.forEach(function (d) {
        var li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("span");
        a.href = root + d.u;
        a.textContent = d.t;
        meta.className = "meta";
        meta.textContent = " " + [kinds[d.k], d.m].filter(Boolean).join(" · ");
        li.appendChild(a);
        li.appendChild(meta);
        out.appendChild(li);
      });
      shown = from + docs.length;
      more.hidden = shown >= hits.length;
    });
  }

  function run() {
    var text = input.value, asked = ++current;
    if (!words(text).length) {
      out.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return;
    }
    search.query(text).then(function (found) {
      if (asked !== current) { return; }
      hits = found;
      out.textContent = "";
      status.textContent = (hits.length === 1 ? "1 result" :
        hits.length + " results" + (hits.length > PAGE ? ", the first " + PAGE + " shown" : "")) +
        (words(text).length > MAX_WORDS ? " (only the first " + MAX_WORDS + " words are searched)" : "") +
        (search.shortened ? "; “" + search.shortened + "” is matched as a whole word until more of it is typed" : "");
      return show(0);
    }).catch(function (e) {
      if (asked !== current) { return; }
      out.textContent = "";
      more.hidden = true;
      status.textContent = "Search could not load its index (" + e.message + "). Is the site served over HTTP, with its search folder?";
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run();
  });
  more.addEventListener("click", function () {
    var next = shown;
    show(next).then(function () {
      status.textContent = hits.length + " results, " + shown + " shown";
      var first = out.children[next];
      if (first) { first.querySelector("a").focus(); }
    });
  });
  input.value = new URLSearchParams(location.search).get("q") || "";
  run();
})(typeof window !== "undefined" ? window : globalThis);
