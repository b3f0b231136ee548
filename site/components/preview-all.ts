/**
 * All rows of a previewed table, sortable: loaded when the reader asks (TablePreview.astro
 * imports this module on the click), laid out in the same columns as the preview.
 */
import { number } from '../lib/format.ts';
import { counted, NOUNS, type Forms } from '../lib/plural.ts';
import { previewColumns, sortRows, type Column, type Row } from './preview.ts';
import { loadTable } from './table-data.ts';

/** More rows than this stay in the files: a phone would not scroll through them. */
const LIMIT = 500;
const rowsLabel = (n: number) => counted(n, NOUNS.row);

function cellsOf(columns: Column[], row: Row): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const c of columns) {
    const td = document.createElement('td');
    const text = c.text(row);
    if (text && c.kind === 'code') td.append(Object.assign(document.createElement('code'), { textContent: text }));
    else if (text && c.kind === 'quote') td.append(Object.assign(document.createElement('q'), { textContent: text }));
    else td.textContent = text;
    if (c.kind === 'en') td.lang = 'en';
    td.dataset.label = c.title;
    if (c.numeric) td.classList.add('num');
    if (text === '') td.classList.add('empty');
    tr.append(td);
  }
  return tr;
}

/** The head's titles become sort buttons; the body shows all rows, up to LIMIT. */
function makeSortable(table: HTMLTableElement, columns: Column[], rows: Row[]): void {
  const shown = rows.slice(0, LIMIT);
  const body = table.tBodies[0]!;
  const fill = (list: Row[]) => body.replaceChildren(...list.map((row) => cellsOf(columns, row)));
  const heads = Array.from(table.tHead!.rows[0]!.cells);
  let sortedBy = -1;
  let ascending = true;
  heads.forEach((th, index) => {
    const column = columns[index]!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    const arrow = document.createElement('span');
    arrow.className = 'arrow';
    arrow.setAttribute('aria-hidden', 'true');
    arrow.textContent = '↕';
    button.append(column.title, arrow);
    button.addEventListener('click', () => {
      ascending = sortedBy === index ? !ascending : true;
      sortedBy = index;
      fill(sortRows(shown, column, ascending));
      heads.forEach((other, i) => {
        const mark = other.querySelector('.arrow');
        if (i === index) other.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        else other.removeAttribute('aria-sort');
        if (mark) mark.textContent = i === index ? (ascending ? '▲' : '▼') : '↕';
      });
    });
    th.replaceChildren(button);
  });
  table.classList.add('sortable');
  fill(shown);
}

/** Loads the table of a `[data-preview]` box, shows all its rows; says what is shown. */
export async function showAll(box: HTMLElement): Promise<string> {
  const table = box.querySelector<HTMLTableElement>('table.data');
  const { csv, table: name, package: datapackage, title, unitForms } = box.dataset;
  if (!table || !csv || !name || !datapackage) throw new Error('no table to load');
  const { fields, rows } = await loadTable(datapackage, name, csv);
  const { columns } = previewColumns(name, fields, unitForms ? (JSON.parse(unitForms) as Record<string, Forms>) : {});
  makeSortable(table, columns, rows);
  const which = rows.length > LIMIT ? `перші ${rowsLabel(LIMIT)} з ${number(String(rows.length))}` : rows.length === 1 ? 'один рядок' : `усі ${rowsLabel(rows.length)}`;
  table.caption!.textContent = `${which[0]!.toUpperCase()}${which.slice(1)}. Щоб упорядкувати, натисніть назву стовпця.`;
  return `Показано ${which} таблиці «${title ?? ''}».`;
}
