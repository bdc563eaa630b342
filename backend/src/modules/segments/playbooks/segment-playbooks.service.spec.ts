import { jest } from '@jest/globals';
import type { Actor } from '../../../platform/access/actor';
import type { SegmentPreviewService } from '../segment-preview.service';
import type { SegmentsRepository } from '../segments.repository';
import type { SegmentsService } from '../segments.service';
import { SEGMENT_PLAYBOOKS } from './segment-playbooks';
import { SegmentPlaybooksService } from './segment-playbooks.service';

const actor: Actor = { type: 'user', id: 'u1', label: 'ada@example.test', workspaceId: 'ws', permissions: new Set(['segments:read', 'segments:write']) };

describe('SegmentPlaybooksService', () => {
  const create = jest.fn<SegmentsService['create']>();
  const count = jest.fn<SegmentPreviewService['count']>();
  const preview = { count, timeoutMs: 150 } as unknown as SegmentPreviewService;
  const definitions = { playbookSegments: async () => new Map([['night-owls', 'seg-1']]) } as unknown as SegmentsRepository;
  const sut = new SegmentPlaybooksService({ create } as unknown as SegmentsService, definitions, preview);

  beforeEach(() => {
    create.mockReset();
    count.mockReset();
  });

  it('counts every playbook within one preview’s time, giving each count the time left, and null once it is spent', async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    count.mockImplementation(async () => {
      now += 60; // each count takes 60 ms
      return 7;
    });
    const listed = await sut.list(actor);
    clock.mockRestore();
    expect(listed.map((p) => p.key)).toEqual(SEGMENT_PLAYBOOKS.map((p) => p.key));
    expect(listed.map((p) => p.count)).toEqual([7, 7, 7, ...SEGMENT_PLAYBOOKS.slice(3).map(() => null)]);
    expect(count.mock.calls.map(([, , timeout]) => timeout)).toEqual([150, 90, 30]);
    expect(listed.find((p) => p.key === 'night-owls')?.segmentId).toBe('seg-1');
  });

  it('creates a playbook’s segment named after it unless a name is given, and 404s an unknown key', async () => {
    await sut.create(actor, 'rfm-champions');
    await sut.create(actor, 'rfm-champions', { name: 'Best' });
    const champions = SEGMENT_PLAYBOOKS.find((p) => p.key === 'rfm-champions');
    expect(create.mock.calls).toEqual([
      [actor, { name: 'Champions', description: champions?.description, rules: champions?.rules }, 'rfm-champions'],
      [actor, { name: 'Best', description: champions?.description, rules: champions?.rules }, 'rfm-champions'],
    ]);
    expect(() => sut.create(actor, 'nope')).toThrow(expect.objectContaining({ status: 404 }));
  });
});
