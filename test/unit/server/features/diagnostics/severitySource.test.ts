/** Where a document's diagnostic severities come from: pulled per document, pushed, or initial. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeveritySource } from '../../../../../server/src/features/diagnostics/severitySource';

describe('SeveritySource', () => {
  it('asks the client once per document, with the document as scope, until the settings change', async () => {
    const asked: string[] = [];
    const perFolder: Record<string, unknown> = { 'file:///a/Dockerfile': { JSONArgsRecommended: 'error' }, 'file:///b/Dockerfile': { JSONArgsRecommended: 'info' } };
    const source = new SeveritySource((uri) => (asked.push(uri), Promise.resolve(perFolder[uri] ?? null)), () => undefined);
    assert.deepEqual(await source.severitiesFor('file:///a/Dockerfile'), { JSONArgsRecommended: 'error' });
    assert.deepEqual(await source.severitiesFor('file:///b/Dockerfile'), { JSONArgsRecommended: 'info' });
    assert.deepEqual(await source.severitiesFor('file:///a/Dockerfile'), { JSONArgsRecommended: 'error' });
    assert.deepEqual(asked, ['file:///a/Dockerfile', 'file:///b/Dockerfile']);
    perFolder['file:///a/Dockerfile'] = { JSONArgsRecommended: 'ignore' };
    source.changed(null);
    assert.deepEqual(await source.severitiesFor('file:///a/Dockerfile'), { JSONArgsRecommended: 'ignore' });
    assert.equal(asked.length, 3);
  });

  it('uses pushed settings for every document, and initializationOptions when the client has no answer', async () => {
    const source = new SeveritySource(() => Promise.resolve(null), () => ({ diagnostics: { MaintainerDeprecated: 'ignore' } }));
    assert.deepEqual(await source.severitiesFor('file:///x/Dockerfile'), { MaintainerDeprecated: 'ignore' });
    source.changed({ berthwise: { diagnostics: { NoCommand: 'warning' } } });
    assert.deepEqual(await source.severitiesFor('file:///x/Dockerfile'), { NoCommand: 'warning' });
    source.changed({});
    assert.deepEqual(await source.severitiesFor('file:///x/Dockerfile'), { MaintainerDeprecated: 'ignore' });
  });
});
