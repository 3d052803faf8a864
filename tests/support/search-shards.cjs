// Checks, with the site's own search script (site/search.js), that every term of every shard of
// the built index is found in that shard by the script's lookup, so that the script and the
// writer order terms alike (by code points, also past the Basic Multilingual Plane).
//
//   node tests/support/search-shards.cjs SITE_DIR
//
// Prints the number of terms checked; exits 1 with the first term looked up in the wrong shard.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const context = { TextEncoder, Map, Promise, JSON, Math, Object, Error };
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(site, "search.js"), "utf8"), context);
const { shardOf, compare } = context.ReportSearch;
// A fullwidth letter (U+FF41) sorts before a letter past the BMP (U+1D552) by code points,
// though after its surrogates in UTF-16.
if (!(compare("ａ", "𝕒") < 0 && compare("𝕒", "ａ") > 0 && compare("ab", "a") > 0 && compare("a", "a") === 0)) {
  console.error("compare does not order by code points");
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(path.join(site, "search/index.json"), "utf8"));
let checked = 0;
manifest.shards.forEach((first, n) => {
  const shard = JSON.parse(fs.readFileSync(path.join(site, "search/terms", n + ".json"), "utf8"));
  for (const term of Object.keys(shard)) {
    const found = shardOf(manifest.shards, term);
    if (found !== n) {
      console.error(`${JSON.stringify(term)} is in shard ${n}, looked up in ${found}`);
      process.exit(1);
    }
    checked++;
  }
});
console.log(checked);
