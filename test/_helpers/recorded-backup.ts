import { readFileSync } from 'node:fs';
import type { RecordedResponse } from './aws-proxy';
import type { WireRequest } from './aws-operation';
import { fixture } from './paths';

/**
 * moto 5.2.5 implements AWS Backup vaults and plans but not backup selections. These handlers serve AWS's
 * documented response shapes for `ListBackupSelections` and `GetBackupSelection` (test/_fixtures/aws/backup)
 * from the test proxy, for one plan whose selection covers one bucket; other plans have no selections.
 */
export function recordedBackupSelections(
  planId: string,
  bucketArn: string,
): Record<string, (request: WireRequest) => RecordedResponse | undefined> {
  const render = (file: string): string =>
    readFileSync(fixture('aws', 'backup', file), 'utf8')
      .replaceAll('{{planId}}', planId)
      .replaceAll('{{bucketArn}}', bucketArn);
  const json = (body: string): RecordedResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body,
  });
  const planOf = (request: WireRequest): string | undefined =>
    /\/backup\/plans\/([^/]+)\/selections/.exec(request.url)?.[1];
  return {
    'backup:ListBackupSelections': (request) =>
      json(
        planOf(request) === planId
          ? render('list-backup-selections.json')
          : JSON.stringify({ BackupSelectionsList: [] }),
      ),
    'backup:GetBackupSelection': (request) =>
      planOf(request) === planId ? json(render('get-backup-selection.json')) : undefined,
  };
}
