import { placeErrors } from './rule-errors';
import { nestedRules } from './testing/rule-factories';

describe('placing API errors on nodes', () => {
  it('puts an error on the node its JSON path names, with what it names below the node', () => {
    const { byNode, unplaced } = placeErrors(nestedRules(), [
      { field: 'rules.root.children[1].children[0].value', message: 'must be a number' },
      { field: 'rules.root.children[1].children[1].window.days', message: 'must be at least 1' },
      { field: 'rules.root.children[0]', message: 'unknown field' },
    ]);
    expect(byNode.get('c2')).toEqual([{ part: 'value', message: 'must be a number' }]);
    expect(byNode.get('c3')).toEqual([{ part: 'window.days', message: 'must be at least 1' }]);
    expect(byNode.get('c1')).toEqual([{ part: '', message: 'unknown field' }]);
    expect(unplaced).toEqual([]);
  });

  it('collects several errors on one node, and errors on the root group', () => {
    const { byNode } = placeErrors(nestedRules(), [
      { field: 'rules.root.children[2].operator', message: 'not allowed' },
      { field: 'rules.root.children[2].value', message: 'not expected' },
      { field: 'rules.root.operator', message: 'bad' },
    ]);
    expect(byNode.get('c4')?.map((e) => e.part)).toEqual(['operator', 'value']);
    expect(byNode.get('root')).toEqual([{ part: 'operator', message: 'bad' }]);
  });

  it('lands a path below a node that no longer exists on its deepest existing ancestor', () => {
    const { byNode } = placeErrors(nestedRules(), [{ field: 'rules.root.children[1].children[7].value', message: 'stale' }]);
    expect(byNode.get('g1')).toEqual([{ part: '', message: 'stale' }]);
  });

  it('leaves errors that name no node for the page to show', () => {
    const errors = [
      { field: 'name', message: 'must not be empty' },
      { field: 'rules.version', message: 'must be 1' },
    ];
    expect(placeErrors(nestedRules(), errors)).toEqual({ byNode: new Map(), unplaced: errors });
  });
});
