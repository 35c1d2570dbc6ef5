import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

describe('the React under test', () => {
  it('should be React 18 in the react18 project and React 19 otherwise, with a matching react-dom', () => {
    const project = (globalThis as { __vitest_worker__?: { ctx?: { projectName?: string } } }).__vitest_worker__?.ctx?.projectName;
    console.log(`react ${version}, react-dom ${domVersion}, project ${project}`);
    expect(version.split('.')[0]).toBe(project === 'react18' ? '18' : '19');
    expect(domVersion).toBe(version);
  });
});
