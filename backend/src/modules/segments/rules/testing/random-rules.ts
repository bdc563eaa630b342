/**
 * A seeded generator of random, valid segment rule trees for the equivalence tests: every condition kind,
 * every operator the field catalogue allows, values drawn from the data set (so conditions hit, with case
 * changed, substrings for contains, values on window edges), groups nested up to depth 4 (empty ones too,
 * `not` over groups) and segment conditions referring to segments generated earlier.
 */
import type { SimpleFaker } from '@faker-js/faker';
import { OPERATORS_BY_TYPE, SEGMENT_FIELDS } from '../segment-fields';
import type { SegmentField } from '../segment-fields';
import type {
  AggregateOperator,
  AttributeValueType,
  EventCondition,
  OrdersCondition,
  PropertyFilter,
  RuleCondition,
  RuleGroup,
  RuleNode,
  RuleValue,
  SegmentRules,
  TimeWindow,
  ValueOperator,
} from '../segment-rules.types';
import type { OracleDataSet } from './oracle-data';
import { ORACLE_FIELDS } from './oracle-fields';
import { readJson } from './oracle-values';
import { EDGE_DAYS, EDGE_WINDOW_DAYS, NASTY_STRINGS } from './segment-dataset';
import { seededRandom } from './seeded-random';

const MAX_DEPTH = 4;
const VALUE_TYPES: AttributeValueType[] = ['string', 'number', 'date', 'boolean', 'list'];
const AGGREGATE_OPERATORS: AggregateOperator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'];

/** What the data set holds, to draw condition values from. */
interface Pools {
  fieldValues: Map<string, (string | number | boolean | string[])[]>;
  attributes: Map<string, unknown[]>;
  events: Map<string, Map<string, unknown[]>>;
  categories: string[];
  products: string[];
  orderAmounts: number[];
}

export class RandomRules {
  private readonly r: SimpleFaker;
  private readonly pools: Pools;
  private nodes = 0;
  /** Field × operator pairs and operators per value type are dealt from shuffled decks, so a few hundred trees use them all. */
  private readonly fieldDeck: [SegmentField, ValueOperator][] = [];
  private readonly operatorDecks = Object.fromEntries(VALUE_TYPES.map((t) => [t, [] as ValueOperator[]])) as Record<
    AttributeValueType,
    ValueOperator[]
  >;

  constructor(
    seed: number,
    data: OracleDataSet,
    private readonly asOf: Date,
  ) {
    this.r = seededRandom(seed);
    this.pools = collectPools(data);
  }

  /** A random tree; `segmentIds` are the segments its segment conditions may refer to. */
  tree(segmentIds: string[] = []): SegmentRules {
    return { version: 1, root: this.group(1, segmentIds) };
  }

  private group(depth: number, segmentIds: string[]): RuleGroup {
    const r = this.r;
    const count = r.datatype.boolean(0.08) ? 0 : r.number.int({ min: 1, max: depth === 1 ? 4 : 3 });
    const children = Array.from(
      { length: count },
      (): RuleNode => (depth < MAX_DEPTH && r.datatype.boolean(0.3) ? this.group(depth + 1, segmentIds) : this.condition(segmentIds)),
    );
    return this.tagged({ type: 'group', operator: r.helpers.arrayElement(['and', 'and', 'or', 'or', 'not']), children });
  }

  /** The next card of a deck, reshuffled from `fill` when it runs out. */
  private draw<T>(deck: T[], fill: () => T[]): T {
    if (!deck.length) deck.push(...this.r.helpers.shuffle(fill()));
    return deck.pop()!;
  }

  /** Sometimes gives a node a client-side id (the compiler must ignore it). */
  private tagged<T extends RuleNode>(node: T): T {
    return this.r.datatype.boolean(0.1) ? { id: `n${++this.nodes}`, ...node } : node;
  }

  private condition(segmentIds: string[]): RuleCondition {
    const r = this.r;
    const kinds: { weight: number; value: RuleCondition['type'] }[] = [
      { weight: 40, value: 'field' },
      { weight: 20, value: 'attribute' },
      { weight: 15, value: 'orders' },
      { weight: 20, value: 'event' },
    ];
    if (segmentIds.length) kinds.push({ weight: 5, value: 'segment' });
    const kind = r.helpers.weightedArrayElement(kinds);
    switch (kind) {
      case 'field':
        return this.tagged(this.field());
      case 'attribute':
        return this.tagged(this.attribute());
      case 'orders':
        return this.tagged(this.orders());
      case 'event':
        return this.tagged(this.event());
      case 'segment':
        return this.tagged({
          type: 'segment',
          segmentId: r.helpers.arrayElement(segmentIds),
          operator: r.helpers.arrayElement(['in', 'notIn']),
        });
    }
  }

  private field(): RuleCondition {
    const [field, operator] = this.draw(this.fieldDeck, () =>
      SEGMENT_FIELDS.flatMap((f) => f.operators.map((op): [SegmentField, ValueOperator] => [f, op])),
    );
    // A field with fixed options takes only those as values.
    const choices = field.options ? [...field.options] : (this.pools.fieldValues.get(field.key) ?? []);
    return withValue({ type: 'field', field: field.key, operator }, this.value(field.dataType, operator, choices));
  }

  private attribute(): RuleCondition {
    const r = this.r;
    const key = r.datatype.boolean(0.05) ? 'neverSet' : r.helpers.arrayElement([...this.pools.attributes.keys()]);
    const { valueType, operator, value } = this.typedFilter(this.pools.attributes.get(key) ?? []);
    return withValue({ type: 'attribute', key, valueType, operator }, value);
  }

  /** A value type (mostly the one the observed values have), an operator for it and a value drawn from them. */
  private typedFilter(raw: unknown[]): { valueType: AttributeValueType; operator: ValueOperator; value: RuleValue | undefined } {
    const r = this.r;
    const natural = VALUE_TYPES.filter((t) => raw.some((v) => readJson(v, t) !== undefined));
    const valueType = natural.length && r.datatype.boolean(0.85) ? r.helpers.arrayElement(natural) : r.helpers.arrayElement(VALUE_TYPES);
    const operator = this.draw(this.operatorDecks[valueType], () => [...OPERATORS_BY_TYPE[valueType]]);
    const typed = raw.map((v) => readJson(v, valueType)).filter((v) => v !== undefined);
    return { valueType, operator, value: this.value(valueType, operator, typed as (string | number | boolean)[]) };
  }

  private orders(): OrdersCondition {
    const r = this.r;
    const measure = r.helpers.arrayElement(['count', 'sum'] as const);
    const operator = r.helpers.arrayElement(AGGREGATE_OPERATORS);
    const one = () =>
      measure === 'count'
        ? r.number.int(6)
        : r.datatype.boolean(0.2)
          ? r.helpers.arrayElement([0, 50, 100, 500])
          : r.helpers.arrayElement(this.pools.orderAmounts);
    const condition: OrdersCondition = {
      type: 'orders',
      measure,
      operator,
      value: operator === 'between' ? sortedPair(one(), one()) : one(),
      window: this.window(),
    };
    if (r.datatype.boolean(0.4)) {
      const items: OrdersCondition['items'] = {};
      const which = r.number.int(2);
      if (which !== 1) items.categories = r.helpers.arrayElements(this.pools.categories, { min: 1, max: 2 });
      if (which !== 0) items.products = r.helpers.arrayElements(this.pools.products, { min: 1, max: 2 });
      condition.items = items;
    }
    return condition;
  }

  private event(): EventCondition {
    const r = this.r;
    const event = r.datatype.boolean(0.05) ? 'never_happened' : r.helpers.arrayElement([...this.pools.events.keys()]);
    const condition: EventCondition = { type: 'event', event, did: r.datatype.boolean(0.7), window: this.window() };
    if (r.datatype.boolean(0.5))
      condition.frequency = { operator: r.helpers.arrayElement(['atLeast', 'atMost', 'exactly']), times: r.number.int(4) };
    const properties = this.pools.events.get(event);
    if (properties?.size && r.datatype.boolean(0.4)) {
      condition.where = Array.from({ length: r.number.int({ min: 1, max: 2 }) }, (): PropertyFilter => {
        const [key, observed] = r.helpers.arrayElement([...properties.entries()]);
        const { valueType, operator, value } = this.typedFilter(observed);
        return withValue({ key, valueType, operator }, value);
      });
    }
    return condition;
  }

  private window(): TimeWindow {
    const r = this.r;
    const kind = r.helpers.weightedArrayElement([
      { weight: 3, value: 'ever' },
      { weight: 5, value: 'lastDays' },
      { weight: 2, value: 'between' },
    ] as const);
    if (kind === 'ever') return { kind };
    if (kind === 'lastDays') return { kind, days: this.days() };
    const [from, to] = sortedPair(this.date(), this.date()) as string[];
    return { kind, from, to };
  }

  private days(): number {
    return this.r.datatype.boolean(0.7) ? this.r.helpers.arrayElement(EDGE_WINDOW_DAYS) : this.r.number.int({ min: 1, max: 400 });
  }

  /** A rule date: an edge day, or an observed instant as a day or to the millisecond. */
  private date(observed: number[] = []): string {
    const r = this.r;
    if (!observed.length || r.datatype.boolean(0.3))
      return r.helpers.arrayElement([...EDGE_DAYS, new Date(this.asOf.getTime() - this.days() * 86_400_000).toISOString()]);
    const at = new Date(r.helpers.arrayElement(observed)).toISOString();
    return r.datatype.boolean(0.5) ? at.slice(0, 10) : at;
  }

  /** The value an operator needs, drawn from the observed values of the field. */
  private value(
    type: SegmentField['dataType'] | AttributeValueType,
    operator: ValueOperator,
    observed: (string | number | boolean | string[])[],
  ): RuleValue | undefined {
    const r = this.r;
    if (['isSet', 'isNotSet', 'isTrue', 'isFalse', 'isEmpty', 'isNotEmpty'].includes(operator)) return undefined;
    const pick = <T>(values: T[], fallback: () => T): T =>
      values.length && r.datatype.boolean(0.9) ? r.helpers.arrayElement(values) : fallback();
    switch (type) {
      case 'string':
      case 'option': {
        const strings = observed.filter((v): v is string => typeof v === 'string' && v !== '');
        // Options stay among the observed values (fixed options admit nothing else); free text sometimes gets a stranger.
        const draw = () =>
          type === 'option' && strings.length
            ? r.helpers.arrayElement(strings)
            : pick(strings, () => r.helpers.arrayElement(NASTY_STRINGS.filter(Boolean)));
        const one = () => this.text(type === 'string', operator, draw());
        return operator === 'in' || operator === 'notIn' ? Array.from({ length: r.number.int({ min: 1, max: 4 }) }, one) : one();
      }
      case 'list': {
        const items = observed.flatMap((v) => (Array.isArray(v) ? v : []));
        return Array.from({ length: r.number.int({ min: 1, max: 3 }) }, () => pick(items, () => 'no-such-item'));
      }
      case 'number': {
        const numbers = observed.filter((v): v is number => typeof v === 'number');
        const one = () =>
          pick(numbers, () => r.number.int({ min: -10, max: 1000 })) + (r.datatype.boolean(0.2) ? r.helpers.arrayElement([-0.5, 0.5]) : 0);
        return operator === 'between' ? sortedPair(one(), one()) : one();
      }
      case 'date': {
        if (operator === 'withinLastDays' || operator === 'moreThanDaysAgo') return this.days();
        const instants = observed.filter((v): v is number => typeof v === 'number');
        return operator === 'between' ? sortedPair(this.date(instants), this.date(instants)) : this.date(instants);
      }
      case 'boolean':
        throw new Error(`random rules: boolean operator ${operator} takes a value`);
    }
  }

  /** A string value for a free-text or option operator: changed case, a substring for contains, a prefix or suffix. */
  private text(freeText: boolean, operator: ValueOperator, source: string): string {
    const r = this.r;
    const cased = freeText && r.datatype.boolean(0.3) ? (r.datatype.boolean(0.5) ? source.toUpperCase() : source.toLowerCase()) : source;
    // Cut between code points: half an emoji is no string PostgreSQL can hold.
    const chars = [...cased];
    const length = r.number.int({ min: 1, max: Math.min(chars.length, 6) });
    if (operator === 'contains' || operator === 'notContains') {
      const start = r.number.int(chars.length - length);
      return chars.slice(start, start + length).join('');
    }
    if (operator === 'startsWith') return chars.slice(0, length).join('');
    if (operator === 'endsWith') return chars.slice(chars.length - length).join('');
    return cased;
  }
}

function withValue<T extends object>(node: T, value: RuleValue | undefined): T {
  return value === undefined ? node : { ...node, value };
}

function sortedPair<T extends string | number>(a: T, b: T): [T, T] {
  const before = typeof a === 'number' ? a <= (b as number) : Date.parse(a) <= Date.parse(b as string);
  return before ? [a, b] : [b, a];
}

function collectPools(data: OracleDataSet): Pools {
  const pools: Pools = { fieldValues: new Map(), attributes: new Map(), events: new Map(), categories: [], products: [], orderAmounts: [] };
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  const sample = data.customers.filter((_, i) => i % 7 === 0);
  for (const [key, field] of Object.entries(ORACLE_FIELDS)) {
    for (const c of sample) {
      const value = field.read(c);
      if (value !== undefined) add(pools.fieldValues, key, value);
    }
  }
  const categories = new Set<string>();
  const products = new Set<string>();
  for (const c of data.customers) {
    for (const [key, value] of Object.entries(c.attributes)) add(pools.attributes, key, value);
    for (const e of c.events) {
      const properties = pools.events.get(e.type) ?? new Map<string, unknown[]>();
      pools.events.set(e.type, properties);
      for (const [key, value] of Object.entries(e.properties)) add(properties, key, value);
    }
    for (const o of c.orders) {
      pools.orderAmounts.push(o.amountCents / 100);
      for (const item of o.items) {
        categories.add(item.category);
        products.add(item.product);
      }
    }
  }
  pools.categories = [...categories];
  pools.products = [...products];
  return pools;
}
