import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';

export const SCHEMAS = join('..', 'shared', 'reference', 'schemas');
export const STIG_REFERENCE = join('..', 'shared', 'reference', 'stig');

/** xmllint (Debian libxml2-utils, installed by .ci/run) is what validates XML against an XSD here. */
export const XMLLINT = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;

/** Validates XML text against an XSD; returns xmllint's complaints ('' when valid). */
export function xsdErrors(xml: string, xsd: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeharden-xsd-'));
  const file = join(dir, 'doc.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr;
}

/** Checks that text is well-formed XML (xmllint), '' when it is. */
export function xmlWellFormedErrors(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeharden-xml-'));
  const file = join(dir, 'doc.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** A JSON Schema validator for a schema file (draft-07 and earlier-compatible), formats checked. */
export function jsonValidator(schema: AnySchema): (data: unknown) => string {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? '' : ajv.errorsText(validate.errors, { separator: '\n' }));
}

export function readJson(path: string): AnySchema {
  return JSON.parse(readFileSync(path, 'utf8')) as AnySchema;
}
