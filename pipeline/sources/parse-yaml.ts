/**
 * YAML text → data, with a way back from any field to its line. js-yaml reads the data
 * (about nine times faster than building a positioned document); the `yaml` library builds
 * the positioned document only to say where something is written. Neither ever expands an
 * alias into a copy: js-yaml shares the aliased value, and the positioned document is walked
 * by path, never turned into data. The copy the loader makes is bounded in inspect.ts.
 */
import { CORE_SCHEMA, defineScalarTag, floatCoreTag, intCoreTag, load, NOT_RESOLVED, Schema, YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ErrorCode } from '../errors/codes.ts';
import type { Problem } from '../errors/problem.ts';
import type { Locator, Position } from './load.ts';

/** Nesting deeper than any file of the format needs (a programme's deepest field is nine levels down). */
export const MAX_DEPTH = 32;

/**
 * A bare number is a whole number written in plain decimal digits (`11`, `2023`). Every other
 * form YAML reads as a number (`-0`, `0x10`, `0o17`, `1e3`, `7.0`, `+5`, `007`, `.inf`) would be
 * published as a different text than the author wrote, so it stays the text it is, and the
 * field that reads it judges it (a figure refuses it with a hint to write it as printed).
 */
const plainInteger = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: [...'0123456789'],
  resolve: (source) => (/^(?:0|[1-9][0-9]{0,14})$/.test(source) ? Number(source) : NOT_RESOLVED),
  identify: Number.isSafeInteger,
});

export const SOURCE_SCHEMA = new Schema([...CORE_SCHEMA.tags.filter((tag) => tag !== intCoreTag && tag !== floatCoreTag), plainInteger]);

const SYNTAX_HINT = 'Check indentation (spaces, not tabs), the colon after each key, and quotes around text that contains ": " or starts with a special character.';

export interface ParsedYaml {
  data: unknown;
  locate: Locator;
}

/**
 * The data of a YAML file, or its problems. `text` is asked for again only when a field's
 * line is wanted, so no file's text is kept for a question that may never come.
 */
export function parseYaml(text: string, again: () => string, path: string, problems: Problem[]): ParsedYaml | undefined {
  let data: unknown;
  try {
    data = load(text, { schema: SOURCE_SCHEMA, maxDepth: MAX_DEPTH });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    problems.push(...yamlProblems(error, text, path));
    return undefined;
  }
  let locate: Locator | undefined;
  return {
    data,
    locate: (fieldPath, options) => {
      locate ??= positioned(again()) ?? (() => ({ line: 1, column: 1 }));
      return locate(fieldPath, options);
    },
  };
}

/**
 * Why js-yaml refused the text. Nesting and tags are said as such; for a syntax error the
 * `yaml` library's messages are fuller (every error, not only the first), so they are used
 * when it sees one, on text js-yaml found shallow enough to hand it.
 */
function yamlProblems(error: YAMLException, text: string, path: string): Problem[] {
  const at = error.mark ? { line: error.mark.line + 1, column: error.mark.column + 1 } : { line: 1, column: 1 };
  const reason = error.reason;
  const own = (code: ErrorCode, message: string, hint: string): Problem[] => [{ code, file: path, ...at, message, hint }];
  if (/maxDepth/.test(reason)) {
    return own('E_YAML_DEPTH', `the YAML nests deeper than ${MAX_DEPTH} levels`, 'No file of the authoring format nests this deep: look for brackets [ { that are never closed, or a list indented under itself.');
  }
  if (/unknown .*tag/i.test(reason)) {
    return own('E_YAML_TAG', `${reason}: a tag (a word after "!") would change how the value is read`, 'Delete the tag, and write the value as plain text or a number; put text that starts with "!" in quotes.');
  }
  const fuller = flatNesting(text) <= MAX_DEPTH ? syntaxProblems(text, path) : [];
  return fuller.length > 0 ? fuller : own('E_YAML_SYNTAX', reason, SYNTAX_HINT);
}

/** The deepest run of flow brackets, counted over the whole text: an upper bound of the flow nesting. */
function flatNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

function syntaxProblems(text: string, path: string): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const seen = new Set<number>();
  for (const error of doc.errors) {
    // One slip often yields several errors at the same place; the first says it best.
    if (seen.has(error.pos[0])) continue;
    seen.add(error.pos[0]);
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({ code: 'E_YAML_SYNTAX', file: path, line: pos.line, column: pos.col, message: error.message.split('\n')[0]!, hint: SYNTAX_HINT });
  }
  return problems;
}

/** Where each field of a file js-yaml has read is written. */
function positioned(text: string): Locator | undefined {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return (fieldPath, options) => {
    let node: unknown = doc.contents;
    let found: Position | undefined = node && (node as Node).range ? at((node as Node).range![0]) : { line: 1, column: 1 };
    for (const [index, key] of fieldPath.entries()) {
      const last = index === fieldPath.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) return found;
        const keyNode = pair.key as Node;
        if (last && options?.key) return keyNode.range ? at(keyNode.range[0]) : found;
        node = pair.value;
        const valueNode = node as Node | null;
        found = valueNode?.range ? at(valueNode.range[0]) : keyNode.range ? at(keyNode.range[0]) : found;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if ((node as Node | undefined)?.range) found = at((node as Node).range![0]);
      } else {
        return found;
      }
    }
    return found;
  };
}
