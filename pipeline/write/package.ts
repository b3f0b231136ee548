/**
 * The metadata written beside each dataset's files: datapackage.json (Data Package v2),
 * package.json (CKAN package_show), the passport and the structure as data.gov.ua
 * offers them.
 */
import { stringify } from 'csv-stringify/sync';
import { FREQUENCY_TITLES } from '../derive/datasets.ts';
import type { Dataset, Field, Table } from '../publish/types.ts';
import type { Urls } from '../publish/urls.ts';
import { ckanName } from '../publish/translit.ts';
import { uuidV5 } from '../publish/uuid.ts';

export const LICENCE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
  eu: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
} as const;

export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** A file written for a dataset, with what its metadata needs to say about it. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
  format: 'CSV' | 'JSON' | 'XLSX';
  mediatype: string;
  /** The table it carries, or undefined for the workbook. */
  table: Table | undefined;
  /**
   * The same rows published in parts (paths inside the dataset's folder, in order): the
   * dataset's Data Package names the parts rather than this file.
   */
  parts?: string[] | undefined;
}

function fieldDescriptor(field: Field) {
  return {
    name: field.name,
    type: field.type,
    title: field.title,
    description: field.description,
    ...(field.format ? { format: field.format } : {}),
    ...(field.constraints && Object.keys(field.constraints).length > 0 ? { constraints: field.constraints } : {}),
  };
}

/** A table's Table Schema as datapackage.json states it; foreign keys name resources through `resourceOf`. */
function tableSchema(table: Table, resourceOf: (name: string) => string = (name) => name) {
  const { fields, missingValues, primaryKey, foreignKeys } = table.schema;
  return {
    fields: fields.map(fieldDescriptor),
    missingValues,
    ...(primaryKey ? { primaryKey } : {}),
    ...(foreignKeys?.length
      ? { foreignKeys: foreignKeys.map((fk) => ({ fields: fk.fields, reference: { resource: resourceOf(fk.reference.resource), fields: fk.reference.fields } })) }
      : {}),
  };
}

/** The resource that describes a table's sheet of the workbook. */
export const workbookResourceName = (table: string) => `workbook-${table}`;

export function dataPackage(dataset: Dataset, files: WrittenFile[], urls: Urls, portal: PortalAgent): object {
  const csv = files.filter((file) => file.format === 'CSV');
  const workbook = files.find((file) => file.format === 'XLSX');
  return {
    $schema: DATAPACKAGE_PROFILE,
    name: dataset.name,
    id: dataset.id,
    title: dataset.title,
    description: dataset.description,
    version: dataset.version,
    created: dataset.created,
    homepage: urls.dataset(dataset.name),
    keywords: dataset.keywords,
    licenses: [{ name: LICENCE.name, path: LICENCE.path, title: LICENCE.title }],
    contributors: dataset.publisher
      ? [{ title: dataset.publisher.name.uk, path: dataset.publisher.website, email: dataset.publisher.contact.email, roles: ['publisher'] }]
      : [{ title: portal.portalTitle || PORTAL_TITLE_FALLBACK, path: urls.home(), ...(portal.portalContact ? { email: portal.portalContact.email } : {}), roles: ['publisher'] }],
    sources: dataset.sources.map((source) => ({ title: source.title, path: source.path })),
    resources: [
      ...csv.map((file) => ({
        name: file.table!.name,
        type: 'table',
        // A table in parts is read as their rows one after another, each part with its header.
        ...(file.parts ? { path: file.parts } : { path: file.path }),
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        // Size and hash are each part's, in the part's own datapackage.json.
        ...(file.parts ? {} : { bytes: file.bytes, hash: `sha256:${file.sha256}` }),
        title: file.table!.title,
        description: file.table!.description,
        schema: tableSchema(file.table!),
      })),
      // The workbook holds a sheet per table, in the tables' order, then the data dictionary
      // and the sources. Each table's sheet is a resource of its own with the table's schema,
      // so that no reader has to guess its types. The sheet is named twice: by the Table
      // Dialect's sheetNumber (Data Package v2) and by the "excel" control frictionless-py reads.
      ...(workbook
        ? csv.map((file, index) => ({
            name: workbookResourceName(file.table!.name),
            type: 'table',
            path: workbook.path,
            format: 'xlsx',
            mediatype: workbook.mediatype,
            bytes: workbook.bytes,
            hash: `sha256:${workbook.sha256}`,
            title: `${file.table!.title} (аркуш книги XLSX)`,
            description: `${file.table!.description} Аркуш «${file.table!.title}» книги XLSX, де ті самі рядки мають типи електронної таблиці.`,
            // Row 1 holds the Ukrainian titles; the field names are the header in row 2.
            dialect: { sheetNumber: index + 1, headerRows: [2], commentRows: [1], excel: { sheet: index + 1 } },
            schema: tableSchema(file.table!, workbookResourceName),
          }))
        : []),
    ],
  };
}

/**
 * CKAN's own licence register (ckan/model/license.py): the id and address a CKAN harvester
 * knows CC BY by. ckanext-dcat maps a distribution's dct:license to a licence of the register
 * by this address (or by this title), and fills license_id from it.
 */
export const CKAN_LICENCE = { id: 'cc-by', url: 'http://www.opendefinition.org/licenses/cc-by', title: 'Creative Commons Attribution' } as const;

/**
 * A time as CKAN writes its own (Python's datetime.isoformat() of a naive UTC time):
 * 2024-05-01T09:00:00, or with six digits of microseconds when there are any.
 */
export function ckanTime(time: string): string {
  const iso = new Date(time).toISOString();
  const millis = iso.slice(20, 23);
  return millis === '000' ? iso.slice(0, 19) : `${iso.slice(0, 19)}.${millis}000`;
}

/** Who answers for the portal itself: the publisher of the portal-wide package. */
export interface PortalAgent {
  portalTitle: string;
  portalContact?: { name: string; email: string } | undefined;
}

export const PORTAL_TITLE_FALLBACK = 'Відкриті дані міських рад';

function ckanOrganization(dataset: Dataset, portal: PortalAgent) {
  const common = { type: 'organization', is_organization: true, state: 'active', image_url: '', approval_status: 'approved' };
  const publisher = dataset.publisher;
  if (publisher) return { id: uuidV5(`organization/${publisher.id}`), name: publisher.id, title: publisher.name.uk, description: publisher.name.en, ...common };
  const title = portal.portalTitle || PORTAL_TITLE_FALLBACK;
  return { id: uuidV5('organization/portal'), name: ckanName(title), title, description: title, ...common };
}

export function ckanPackage(dataset: Dataset, files: WrittenFile[], urls: Urls, portal: PortalAgent): object {
  const publisher = dataset.publisher;
  const extras: [string, string | undefined][] = [
    ['identifier', dataset.id],
    ['update_frequency', dataset.frequency],
    ['purpose_of_collecting_information', dataset.purpose],
    ['language', 'uk'],
    ['edrpou', publisher?.edrpou],
    ['katottg', publisher?.katottg],
    ['koatuu', publisher?.koatuu],
    ['issued', dataset.created],
    ['modified', dataset.modified],
    ['temporal_start', dataset.temporal?.start],
    ['temporal_end', dataset.temporal?.end],
    ['theme', JSON.stringify(dataset.themes.map((theme) => `http://publications.europa.eu/resource/authority/data-theme/${theme}`))],
    ['is_datapackage', 'true'],
  ];
  const organization = ckanOrganization(dataset, portal);
  const contact = publisher?.contact ?? portal.portalContact;
  const created = ckanTime(dataset.created);
  const modified = ckanTime(dataset.modified);
  return {
    help: urls.absolute('datasets/package_list.json'),
    success: true,
    result: {
      id: dataset.id,
      name: dataset.name,
      title: dataset.title,
      notes: dataset.description,
      type: 'dataset',
      state: 'active',
      private: false,
      version: dataset.version,
      url: urls.dataset(dataset.name),
      license_id: CKAN_LICENCE.id,
      license_title: LICENCE.title,
      license_url: LICENCE.path,
      author: publisher?.name.uk ?? organization.title,
      author_email: contact?.email ?? null,
      maintainer: contact?.name ?? null,
      maintainer_email: contact?.email ?? null,
      owner_org: organization.id,
      organization,
      metadata_created: created,
      metadata_modified: modified,
      tags: dataset.keywords.map((keyword) => ({ name: keyword, display_name: keyword })),
      num_tags: dataset.keywords.length,
      groups: [],
      extras: extras.filter((extra): extra is [string, string] => extra[1] !== undefined).map(([key, value]) => ({ key, value })),
      num_resources: files.length,
      resources: files.map((file, position) => ({
        id: uuidV5(`${dataset.id}/${file.path}`),
        package_id: dataset.id,
        url: urls.datasetFile(dataset.name, file.path),
        name: file.table ? `${file.table.title} (${file.format})` : 'Книга XLSX',
        description: file.table?.description ?? 'Усі таблиці набору, словник даних і джерела.',
        format: file.format,
        mimetype: file.mediatype,
        size: file.bytes,
        hash: file.sha256,
        hash_algorithm: 'sha256',
        created,
        last_modified: modified,
        position,
        url_type: null,
      })),
    },
  };
}

export interface PassportLine {
  field: string;
  title: string;
  value: string;
}

/** Паспорт набору даних: the fields resolution No. 835 and data.gov.ua name. */
export function passport(dataset: Dataset, files: WrittenFile[], urls: Urls): PassportLine[] {
  const formats = [...new Set(files.map((file) => file.format))].join(', ');
  return [
    { field: 'identifier', title: 'Ідентифікатор', value: dataset.id },
    { field: 'title', title: 'Назва', value: dataset.title },
    { field: 'description', title: 'Опис', value: dataset.description },
    { field: 'language', title: 'Мова', value: 'українська' },
    { field: 'format', title: 'Формат', value: formats },
    { field: 'compression', title: 'Формат стиснення', value: 'не застосовується' },
    { field: 'issued', title: 'Дата і час першого оприлюднення', value: dataset.created },
    { field: 'modified', title: 'Дата і час внесення останніх змін', value: dataset.modified },
    { field: 'actual', title: 'Дата актуальності даних', value: dataset.temporal?.end ?? dataset.modified.slice(0, 10) },
    { field: 'accrualPeriodicity', title: 'Частота оновлення', value: FREQUENCY_TITLES[dataset.frequency] },
    { field: 'keyword', title: 'Ключові слова', value: dataset.keywords.join('; ') },
    { field: 'distribution', title: 'Посилання на набір даних', value: urls.datasetFile(dataset.name, 'datapackage.json') },
    { field: 'structure', title: 'Посилання на структуру набору даних', value: urls.datasetFile(dataset.name, 'structure.csv') },
    { field: 'contactPointFn', title: 'Відповідальна особа', value: dataset.publisher?.contact.name ?? '' },
    { field: 'contactPointHasEmail', title: 'Адреса електронної пошти відповідальної особи', value: dataset.publisher?.contact.email ?? '' },
    { field: 'purpose', title: 'Підстава та призначення збору інформації', value: dataset.purpose },
    { field: 'publisherName', title: 'Розпорядник інформації', value: dataset.publisher?.name.uk ?? '' },
    { field: 'publisherIdentifier', title: 'Код ЄДРПОУ розпорядника', value: dataset.publisher?.edrpou ?? '' },
    { field: 'license', title: 'Ліцензія', value: `${LICENCE.title} (${LICENCE.path})` },
  ];
}

export function passportCsv(lines: PassportLine[]): string {
  return stringify(lines.map((line) => [line.field, line.title, line.value]), { header: true, columns: ['field', 'title', 'value'], record_delimiter: 'windows' });
}

/** Структура набору даних: every field of every table, as a data dictionary. */
export function structureCsv(dataset: Dataset): string {
  const rows = dataset.tables.flatMap((table) =>
    table.schema.fields.map((field) => [
      table.name,
      field.name,
      field.title,
      field.type,
      field.constraints?.required || table.schema.primaryKey?.includes(field.name) ? 'так' : 'ні',
      field.constraints?.enum?.join('; ') ?? '',
      field.description,
    ]),
  );
  return stringify(rows, { header: true, columns: ['resource', 'field', 'title', 'type', 'required', 'values', 'description'], record_delimiter: 'windows' });
}

/**
 * One part of a dataset published in parts: a Data Package of its own, whose resources are
 * the part's CSV files with the dataset's Table Schemas. It says nothing that changes with
 * the rest of the dataset (no version, no dates), so an unchanged part stays the same bytes.
 */
export function partPackage(dataset: Pick<Dataset, 'name' | 'title'>, part: { id: string; title: string }, files: WrittenFile[], urls: Urls): object {
  return {
    $schema: DATAPACKAGE_PROFILE,
    name: `${dataset.name}-${part.id}`,
    id: uuidV5(`${dataset.name}/parts/${part.id}`),
    title: `${dataset.title}: ${part.title}`,
    description: `Рядки розпорядника «${part.title}» з усіх таблиць пакета «${dataset.title}», з тими самими схемами таблиць. Увесь пакет: ${urls.datasetFile(dataset.name, 'datapackage.json')}`,
    homepage: urls.dataset(dataset.name),
    licenses: [{ name: LICENCE.name, path: LICENCE.path, title: LICENCE.title }],
    resources: files
      .filter((file) => file.format === 'CSV')
      .map((file) => ({
        name: file.table!.name,
        type: 'table',
        path: file.path,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
        title: file.table!.title,
        description: file.table!.description,
        schema: tableSchema(file.table!),
      })),
  };
}
