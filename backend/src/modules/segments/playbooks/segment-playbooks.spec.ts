import { RFM_TIERS } from '../../customers/customers.types';
import { SegmentCompiler } from '../rules/segment-compiler';
import { DEMO_PLAYBOOK_KEYS, findPlaybook, SEGMENT_PLAYBOOKS } from './segment-playbooks';

const WORKSPACE = '0b7c6a52-5f6e-4a0e-9d55-1f1d2b3c4d5e';

describe('segment playbooks', () => {
  const compiler = new SegmentCompiler();
  const compile = (rules: unknown) => compiler.compile(rules, { workspaceId: WORKSPACE, asOf: new Date('2026-01-15T00:00:00Z'), loadSegmentRules: async () => null });

  it.each(SEGMENT_PLAYBOOKS.map((p) => [p.key, p]))('%s is a valid v1 rule tree the compiler accepts', async (_key, playbook) => {
    const compiled = await compile(playbook.rules);
    expect(compiled.predicate).toEqual(expect.any(String));
    expect(compiled.params[0]).toBe(WORKSPACE);
    expect(compiled.referencedSegmentIds).toEqual([]);
  });

  it('has one playbook per RFM tier, in the tiers’ order, each with advice', () => {
    const rfm = SEGMENT_PLAYBOOKS.filter((p) => p.category === 'rfm');
    expect(rfm.map((p) => p.name)).toEqual([...RFM_TIERS]);
    for (const p of SEGMENT_PLAYBOOKS) {
      expect({ key: p.key, ok: Boolean(p.description && p.goal && p.recommendedOffer && p.recommendedChannels.length) }).toEqual({ key: p.key, ok: true });
    }
  });

  it('has unique keys and names, and knows which are time-relative', async () => {
    expect(new Set(SEGMENT_PLAYBOOKS.map((p) => p.key)).size).toBe(SEGMENT_PLAYBOOKS.length);
    expect(new Set(SEGMENT_PLAYBOOKS.map((p) => p.name)).size).toBe(SEGMENT_PLAYBOOKS.length);
    expect((await compile(findPlaybook('rfm-champions')?.rules)).timeRelative).toBe(false);
    expect((await compile(findPlaybook('big-spenders-quarter')?.rules)).timeRelative).toBe(true);
  });

  it('creates demo segments only from existing playbooks: every RFM tier and a few others', () => {
    for (const key of DEMO_PLAYBOOK_KEYS) expect(findPlaybook(key)).toBeDefined();
    expect(DEMO_PLAYBOOK_KEYS.filter((k) => k.startsWith('rfm-'))).toHaveLength(RFM_TIERS.length);
    expect(DEMO_PLAYBOOK_KEYS.length).toBeGreaterThan(RFM_TIERS.length);
  });
});
