// Runs the site's search script (site/search.js) under Node against the built files, with a
// fetch that reads them from disk and counts what it reads, as a browser would load them.
//
//   node tests/support/search-query.cjs SITE_DIR "words to find" [RESULTS]
//
// Prints one line of JSON: the number of results, the first RESULTS documents (20 by default),
// the bytes loaded, each file loaded with its size, and the word typed in part that was matched
// as a whole word (its completions would have taken more than two shards), if any.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, query, shown = "20"] = process.argv.slice(2);
const loaded = [];
function fetchFile(url) {
  const file = path.join(site, url);
  if (!fs.existsSync(file)) {
    return Promise.resolve({ ok: false, status: 404, text: () => Promise.resolve("") });
  }
  const text = fs.readFileSync(file, "utf8");
  loaded.push([url, Buffer.byteLength(text)]);
  return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(text) });
}
const context = { TextEncoder, Map, Promise, JSON, Math, Object, Error };
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(site, "search.js"), "utf8"), context);
const search = new context.ReportSearch.Search("search/index.json", fetchFile);
search
  .query(query)
  .then((ids) =>
    search.docs(ids.slice(0, Number(shown))).then((docs) => {
      const bytes = loaded.reduce((sum, [, n]) => sum + n, 0);
      const shortened = search.shortened;
      console.log(JSON.stringify({ count: ids.length, docs, bytes, files: loaded, shortened }));
    })
  )
  .catch((e) => {
    console.error(String(e));
    process.exit(1);
  });
