import { jest } from '@jest/globals';
import { loadEnv } from '../../platform/config/env';
import type { Actor } from '../../platform/access/actor';
import { SegmentCompiler } from './rules/segment-compiler';
import type { SegmentPreviewRepository } from './segment-preview.repository';
import { SegmentPreviewService } from './segment-preview.service';
import type { SegmentsRepository } from './segments.repository';
import { countryIn } from './segments.fixtures.test';

const actor: Actor = { type: 'user', id: 'u1', label: 'ada@example.test', workspaceId: '0b7c6a52-5f6e-4a0e-9d55-1f1d2b3c4d5e', permissions: new Set(['segments:read']) };

describe('SegmentPreviewService', () => {
  const runBounded = jest.fn<SegmentPreviewRepository['runBounded']>();
  const sut = new SegmentPreviewService(
    loadEnv({ SEGMENT_PREVIEW_TIMEOUT_MS: '2500' }),
    {} as SegmentsRepository,
    new SegmentCompiler(),
    { runBounded } as unknown as SegmentPreviewRepository,
  );

  it('counts and samples in one bounded run with the configured timeout, amounts as numbers', async () => {
    runBounded.mockResolvedValueOnce([[{ count: 2 }], [{ id: 'c1', email: 'a@x.test', firstName: 'A', lastName: null, country: 'US', rfmTier: null, totalSpent: '12.50' }]]);
    const result = await sut.preview(actor, { rules: countryIn('US') });
    expect(result).toMatchObject({ count: 2, sample: [{ id: 'c1', email: 'a@x.test', firstName: 'A', lastName: null, country: 'US', rfmTier: null, totalSpent: 12.5 }] });
    const [queries, timeout] = runBounded.mock.calls[0];
    expect(queries).toHaveLength(2);
    expect(queries[0].params[0]).toBe(actor.workspaceId);
    expect(timeout).toBe(2500);
  });

  it('answers 422 preview-timeout when counting runs out of time', async () => {
    runBounded.mockResolvedValueOnce(null);
    await expect(sut.preview(actor, { rules: countryIn('US') })).rejects.toMatchObject({ code: 'preview-timeout', status: 422 });
  });

  it('needs segments:read', async () => {
    await expect(sut.preview({ ...actor, permissions: new Set() }, { rules: countryIn('US') })).rejects.toMatchObject({ status: 403 });
  });
});
