import { useState, type FormEvent } from 'react';
import { Status } from '../components/Status';
import { graphql } from '../gql';
import type { TableFormat, TableImportMutation, TableType } from '../gql/graphql';
import { useI18n } from '../i18n';
import { ApiError, request, useSignedIn } from '../lib/client';
import { download } from '../lib/export';
import { userErrorText } from '../lib/format';
import { collaborationPath, Link, unitPath } from '../lib/router';

const TableImport = graphql(`
  mutation TableImport($input: TableImportInput!) {
    tableImport(input: $input) {
      report {
        applied
        format
        encoding
        delimiter
        created
        updated
        unchanged
        columns {
          header
          field
          note
        }
        rows {
          row
          key
          action
          fields
          mergedFrom
          possibleDuplicates {
            key
            title
            score
          }
        }
        problems {
          row
          column
          message
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const TableExport = graphql(`
  query TableExport($type: TableType!, $format: TableFormat!) {
    tableExport(type: $type, format: $format) {
      fileName
      mediaType
      base64
    }
  }
`);

type Report = NonNullable<TableImportMutation['tableImport']['report']>;
const TYPES: TableType[] = ['COLLABORATIONS', 'UNITS', 'PEOPLE', 'AGREEMENTS'];

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** View 6: a coordinator's spreadsheet in (checked first, then imported whole) and any table out. */
export default function Import() {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const [type, setType] = useState<TableType>('COLLABORATIONS');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      let parsedMapping: unknown = null;
      if (mapping.trim()) {
        try {
          parsedMapping = JSON.parse(mapping);
        } catch {
          throw new ApiError(t.importing.mappingInvalid, 'BAD_USER_INPUT');
        }
      }
      const { data } = await request(TableImport, { input: { type, file: toBase64(await file.arrayBuffer()), mapping: parsedMapping, apply } });
      const errors = data.tableImport.userErrors;
      setReport(data.tableImport.report ?? null);
      const problem = userErrorText(errors, ['file']);
      if (problem) setProblem(problem);
    } catch (error) {
      setReport(null);
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };

  const exportTable = async (format: TableFormat) => {
    setProblem(null);
    try {
      const { data } = await request(TableExport, { type, format });
      download(new Blob([fromBase64(data.tableExport.base64)], { type: data.tableExport.mediaType }), data.tableExport.fileName);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const changes = report ? report.created + report.updated : 0;
  const linkFor = (key: string) => (type === 'COLLABORATIONS' ? <Link to={collaborationPath(key)}>{key}</Link> : type === 'UNITS' ? <Link to={unitPath(key)}>{key}</Link> : key);

  return (
    <>
      <h1>{t.importing.title}</h1>
      <p className="intro">{t.importing.intro}</p>
      {!signedIn && <p className="notice">{t.importing.signInFirst}</p>}
      <form className="filters" onSubmit={check} aria-describedby="import-help">
        <div className="field">
          <label htmlFor="import-type">{t.importing.type}</label>
          <select id="import-type" value={type} onChange={(e) => { setType(e.target.value as TableType); setReport(null); }} data-testid="import-type">
            {TYPES.map((value) => (
              <option key={value} value={value}>
                {t.importing.types[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t.importing.file}</label>
          <input id="import-file" type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} data-testid="import-file" />
        </div>
        <div className="field submit">
          <button type="submit" className="primary" disabled={!file || busy || !signedIn} data-testid="import-check">
            {t.importing.check}
          </button>
        </div>
        <details className="field wide">
          <summary>{t.importing.mapping}</summary>
          <label htmlFor="import-mapping">{t.importing.mappingLabel}</label>
          <textarea id="import-mapping" rows={3} value={mapping} onChange={(e) => setMapping(e.target.value)} placeholder='{"Prosjekt": "title", "Notater": null}' data-testid="import-mapping" />
        </details>
        <p id="import-help" className="muted wide">{t.importing.help}</p>
      </form>
      <Status loading={busy} error={problem} />
      {report && (
        <section aria-labelledby="import-report" data-testid="import-report">
          <h2 id="import-report">{report.applied ? t.importing.applied : report.problems.length ? t.importing.cannot : t.importing.wouldDo}</h2>
          <p role="status">
            {t.importing.summary(report.created, report.updated, report.unchanged)}{' '}
            <span className="muted">{report.format}{report.encoding ? `, ${report.encoding}, ${t.importing.separatedBy(report.delimiter === '\t' ? 'TAB' : report.delimiter ?? '')}` : ''}</span>
          </p>
          {report.problems.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t.importing.problems}>
              <table data-testid="import-problems">
                <caption>{t.importing.problems} ({report.problems.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.importing.row}</th>
                    <th scope="col">{t.importing.column}</th>
                    <th scope="col">{t.importing.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.row ?? '–'}</td>
                      <td>{p.column ?? '–'}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!report.applied && report.problems.length === 0 && changes > 0 && (
            <button type="button" className="primary" onClick={() => void run(true)} disabled={busy} data-testid="import-apply">
              {t.importing.apply(changes)}
            </button>
          )}
          <details open={report.columns.some((c) => !c.field)}>
            <summary>{t.importing.columns}</summary>
            <ul data-testid="import-columns">
              {report.columns.map((c, i) => (
                <li key={i}>
                  <strong>{c.header || '–'}</strong> → {c.field ?? <span className="muted">{t.importing.leftOut}</span>}
                </li>
              ))}
            </ul>
          </details>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t.importing.rows}>
            <table data-testid="import-rows">
              <caption>{t.importing.rows}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.importing.row}</th>
                  <th scope="col">{t.importing.key}</th>
                  <th scope="col">{t.importing.action}</th>
                  <th scope="col">{t.importing.fields}</th>
                  <th scope="col">{t.importing.possibleDuplicates}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>
                      {report.applied || r.action !== 'CREATE' ? linkFor(r.key) : r.key}
                      {r.mergedFrom && <span className="muted"> ({t.importing.mergedFrom(r.mergedFrom)})</span>}
                    </td>
                    <td>{t.importing.actions[r.action]}</td>
                    <td>{r.fields.join(', ')}</td>
                    <td>
                      {r.possibleDuplicates.map((d) => (
                        <span key={d.key} className="duplicate-hint">
                          <Link to={collaborationPath(d.key)}>{d.title}</Link> <span className="muted">({d.key})</span>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t.importing.exportTitle}</h2>
        <p className="muted">{t.importing.exportHelp}</p>
        <div className="export-buttons">
          <button type="button" onClick={() => void exportTable('CSV')} disabled={!signedIn} data-testid="table-export-csv">
            {t.exporting.csv}
          </button>
          <button type="button" onClick={() => void exportTable('XLSX')} disabled={!signedIn} data-testid="table-export-xlsx">
            {t.exporting.xlsx}
          </button>
        </div>
      </section>
    </>
  );
}
