import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { downloadCsv, downloadXlsx, fileName, type ExportColumn } from '../lib/export';

export interface Column<Row> extends ExportColumn<Row> {
  render?(row: Row): ReactNode;
  /** Controls (buttons) shown in the table but not written to the downloads. */
  screenOnly?: boolean;
}

interface Props<Row> {
  caption: string;
  /** Base of the download's file name; the filters are added to it. */
  exportName: string;
  filters?: Record<string, string | number | boolean | null | undefined>;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  id?: string;
}

/** Every table of the app: a real <table> with a caption, and CSV/XLSX downloads of exactly what it shows. */
export function DataTable<Row>({ caption, exportName, filters = {}, columns, rows, rowKey, id }: Props<Row>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const exported = columns.filter((c) => !c.screenOnly);
  const xlsx = async () => {
    setBusy(true);
    try {
      await downloadXlsx(exported, rows, fileName(exportName, filters, 'xlsx'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="table-block" aria-labelledby={id ? `${id}-caption` : undefined}>
      <div className="table-tools" role="group" aria-label={t.exporting.label(caption)}>
        <button type="button" onClick={() => downloadCsv(exported, rows, fileName(exportName, filters, 'csv'))} data-export="csv">
          {t.exporting.csv}
        </button>
        <button type="button" onClick={xlsx} disabled={busy} data-export="xlsx">
          {t.exporting.xlsx}
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table id={id}>
          <caption id={id ? `${id}-caption` : undefined}>
            {caption} <span className="muted">({t.common.results(rows.length)})</span>
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.label} data-label={c.label}>
                    {c.render ? c.render(row) : c.value(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
