// Validates SARIF files against the official SARIF 2.1.0 JSON schema (draft-07) with Ajv.
//
//   node validate.js SCHEMA_SOURCE FILE...
//
// SCHEMA_SOURCE is a plain .json schema, or the dist/bundle.js of @datadog/datadog-ci-plugin-sarif,
// which carries sarif-schema-2.1.0.json (the one of the OASIS sarif-spec repository, $id and all)
// as an object literal: it is cut out and evaluated in an empty context, never run as a module.
'use strict';
const fs = require('fs');
const vm = require('vm');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

function loadSchema(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text);
  const start = text.indexOf('var sarif_schema_2_1_0_default = {');
  if (start < 0) throw new Error(`${file}: no SARIF schema inside`);
  const open = text.indexOf('{', start);
  const close = text.indexOf('\n};', open);
  return vm.runInNewContext('(' + text.slice(open, close + 2) + ')', Object.create(null), { timeout: 5000 });
}

const [schemaFile, ...files] = process.argv.slice(2);
const schema = loadSchema(schemaFile);
if (schema.$schema !== 'http://json-schema.org/draft-07/schema#' || !/sarif-schema-2\.1\.0\.json$/.test(schema.$id)) {
  console.error(`${schemaFile}: not the SARIF 2.1.0 schema (${schema.$id})`);
  process.exit(1);
}
// The schema's `language` pattern has a stray ']' that only a unicode-mode RegExp rejects.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let failed = 0;
for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(doc)) {
    const results = doc.runs.reduce((n, run) => n + (run.results || []).length, 0);
    console.log(`${file}: valid SARIF 2.1.0 (${results} results)`);
  } else {
    failed++;
    console.log(`${file}: INVALID`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
process.exit(failed ? 1 : 0);
