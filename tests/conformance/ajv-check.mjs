#!/usr/bin/env node
// Validate documents with ajv, the JavaScript JSON Schema validator, in strict mode.
//
//   node tests/conformance/ajv-check.mjs SCHEMA_DIR < documents.json
//
// Compiles every SCHEMA_DIR/<name>.schema.json with Ajv2020 (draft 2020-12, strict, all
// errors); a schema that strict mode rejects stops the script with its error (exit 1).
// Reads from stdin a list of {"id", "schema": "<name>", "document"} and prints one JSON
// object: {"ajv": version, "results": {id: {"valid", "errors": [{"keywordLocation",
// "instanceLocation", "keyword"}]}}}, where keywordLocation is ajv's schemaPath without its
// leading "#" (the keyword's place in the schema file, $refs followed).
// tests/test_conformance.py runs it once over the whole corpus.

import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import Ajv2020 from "ajv/dist/2020.js";

const SUFFIX = ".schema.json";
const [schemaDir] = process.argv.slice(2);
if (!schemaDir) {
  process.stderr.write("usage: node ajv-check.mjs SCHEMA_DIR < documents.json\n");
  process.exit(2);
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validators = {};
for (const file of readdirSync(schemaDir).filter((name) => name.endsWith(SUFFIX)).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
  validators[file.slice(0, -SUFFIX.length)] = ajv.compile(schema);
}

const results = {};
for (const { id, schema, document } of JSON.parse(readFileSync(0, "utf8"))) {
  const validate = validators[schema];
  if (!validate) {
    throw new Error(`${id}: no schema ${schema}${SUFFIX} in ${schemaDir}`);
  }
  const valid = validate(document);
  results[id] = {
    valid,
    errors: (validate.errors ?? []).map((error) => ({
      keywordLocation: error.schemaPath.replace(/^#/, ""),
      instanceLocation: error.instancePath,
      keyword: error.keyword,
    })),
  };
}

const { version } = createRequire(import.meta.url)("ajv/package.json");
process.stdout.write(`${JSON.stringify({ ajv: version, results })}\n`);
