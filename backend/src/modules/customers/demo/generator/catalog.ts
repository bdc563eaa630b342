import { de, en, en_AU, en_CA, en_GB, en_IN, en_US, es, es_MX, fr, it, nl, pl, pt_BR, sv } from '@faker-js/faker';
import type { LocaleDefinition } from '@faker-js/faker';

/** What the demo store sells and where its customers live. */

export interface DemoCity {
  name: string;
  timezone: string;
}

export interface DemoCountry {
  code: string;
  /** BCP 47 locale of the customers. */
  locale: string;
  /** Faker locale for their names. */
  names: LocaleDefinition;
  /** Share of customers (weights add up to 100). */
  weight: number;
  /** E.164 prefix (country code and a mobile or fictional range) and how many random digits follow. */
  phone: { prefix: string; digits: number };
  cities: DemoCity[];
}

const zone = (timezone: string, ...names: string[]): DemoCity[] => names.map((name) => ({ name, timezone }));

export const COUNTRIES: DemoCountry[] = [
  {
    code: 'US',
    locale: 'en-US',
    names: en_US,
    weight: 30,
    phone: { prefix: '+120255501', digits: 2 }, // 555-0100…0199: reserved for fiction
    cities: [
      ...zone('America/New_York', 'New York', 'Boston', 'Miami', 'Atlanta'),
      ...zone('America/Chicago', 'Chicago', 'Houston'),
      ...zone('America/Denver', 'Denver'),
      ...zone('America/Phoenix', 'Phoenix'),
      ...zone('America/Los_Angeles', 'Los Angeles', 'Seattle', 'San Francisco'),
    ],
  },
  { code: 'GB', locale: 'en-GB', names: en_GB, weight: 12, phone: { prefix: '+447700900', digits: 3 } /* Ofcom's drama range */, cities: zone('Europe/London', 'London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol') },
  { code: 'DE', locale: 'de-DE', names: de, weight: 12, phone: { prefix: '+49151', digits: 8 }, cities: zone('Europe/Berlin', 'Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart') },
  { code: 'FR', locale: 'fr-FR', names: fr, weight: 8, phone: { prefix: '+336', digits: 8 }, cities: zone('Europe/Paris', 'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Lille') },
  { code: 'ES', locale: 'es-ES', names: es, weight: 5, phone: { prefix: '+346', digits: 8 }, cities: zone('Europe/Madrid', 'Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao') },
  { code: 'IT', locale: 'it-IT', names: it, weight: 5, phone: { prefix: '+393', digits: 9 }, cities: zone('Europe/Rome', 'Roma', 'Milano', 'Napoli', 'Torino', 'Firenze') },
  { code: 'NL', locale: 'nl-NL', names: nl, weight: 4, phone: { prefix: '+316', digits: 8 }, cities: zone('Europe/Amsterdam', 'Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven') },
  { code: 'SE', locale: 'sv-SE', names: sv, weight: 3, phone: { prefix: '+467', digits: 8 }, cities: zone('Europe/Stockholm', 'Stockholm', 'Göteborg', 'Malmö', 'Uppsala') },
  { code: 'PL', locale: 'pl-PL', names: pl, weight: 3, phone: { prefix: '+485', digits: 8 }, cities: zone('Europe/Warsaw', 'Warszawa', 'Kraków', 'Wrocław', 'Gdańsk') },
  {
    code: 'CA',
    locale: 'en-CA',
    names: en_CA,
    weight: 6,
    phone: { prefix: '+141655501', digits: 2 },
    cities: [...zone('America/Toronto', 'Toronto', 'Montréal', 'Ottawa'), ...zone('America/Vancouver', 'Vancouver'), ...zone('America/Edmonton', 'Calgary')],
  },
  {
    code: 'AU',
    locale: 'en-AU',
    names: en_AU,
    weight: 4,
    phone: { prefix: '+614', digits: 8 },
    cities: [
      ...zone('Australia/Sydney', 'Sydney'),
      ...zone('Australia/Melbourne', 'Melbourne'),
      ...zone('Australia/Brisbane', 'Brisbane'),
      ...zone('Australia/Perth', 'Perth'),
    ],
  },
  { code: 'BR', locale: 'pt-BR', names: pt_BR, weight: 4, phone: { prefix: '+55119', digits: 8 }, cities: zone('America/Sao_Paulo', 'São Paulo', 'Rio de Janeiro', 'Belo Horizonte') },
  {
    code: 'MX',
    locale: 'es-MX',
    names: es_MX,
    weight: 2,
    phone: { prefix: '+5255', digits: 8 },
    cities: [...zone('America/Mexico_City', 'Ciudad de México', 'Guadalajara'), ...zone('America/Monterrey', 'Monterrey')],
  },
  { code: 'IN', locale: 'en-IN', names: en_IN, weight: 2, phone: { prefix: '+919', digits: 9 }, cities: zone('Asia/Kolkata', 'Mumbai', 'Bengaluru', 'Delhi') },
];

/** Faker falls back to English, then to locale-free data, for anything a locale lacks. */
export const FALLBACK_LOCALES: LocaleDefinition[] = [en];

export interface DemoProduct {
  name: string;
  price: number;
}

/** Categories with their products and list prices; `popularity` weights picks, `season` boosts months (1–12). */
export interface DemoCategory {
  name: string;
  popularity: number;
  season?: Partial<Record<number, number>>;
  products: DemoProduct[];
}

const products = (...items: [string, number][]): DemoProduct[] => items.map(([name, price]) => ({ name, price }));

export const CATEGORIES: DemoCategory[] = [
  {
    name: 'Electronics',
    popularity: 14,
    season: { 11: 1.8, 12: 2 },
    products: products(
      ['Wireless earbuds', 79],
      ['Bluetooth speaker', 59],
      ['Smartwatch', 199],
      ['USB-C charger', 25],
      ['Noise-cancelling headphones', 249],
      ['E-reader', 129],
      ['Streaming stick 4K', 49],
      ['Phone case', 19],
    ),
  },
  {
    name: 'Apparel',
    popularity: 20,
    products: products(
      ['Organic cotton T-shirt', 19],
      ['Slim-fit jeans', 59],
      ['Merino sweater', 89],
      ['Rain jacket', 119],
      ['Running socks (3-pack)', 15],
      ['Linen shirt', 45],
      ['Leather belt', 35],
      ['Wool scarf', 29],
    ),
  },
  {
    name: 'Home',
    popularity: 14,
    products: products(
      ['Ceramic mug set', 32],
      ['Linen bedding set', 149],
      ['Scented candle', 22],
      ['Cast-iron skillet', 45],
      ['Throw blanket', 55],
      ['Bamboo cutting board', 25],
      ['Table lamp', 69],
      ['Storage baskets', 34],
    ),
  },
  {
    name: 'Beauty',
    popularity: 12,
    season: { 12: 1.4 },
    products: products(
      ['Vitamin C serum', 28],
      ['Hydrating face cream', 34],
      ['Shampoo bar', 12],
      ['Lip balm trio', 9],
      ['Eau de parfum 30 ml', 65],
      ['Sheet mask pack', 15],
      ['Hair oil', 24],
      ['Sunscreen SPF 50', 19],
    ),
  },
  {
    name: 'Sports',
    popularity: 10,
    season: { 1: 1.6, 4: 1.3, 5: 1.4, 6: 1.3 },
    products: products(
      ['Yoga mat', 39],
      ['Running shoes', 129],
      ['Resistance bands', 19],
      ['Insulated water bottle', 29],
      ['Cycling gloves', 25],
      ['Foam roller', 32],
      ['Trail backpack', 89],
      ['Tennis balls (4-pack)', 9],
    ),
  },
  {
    name: 'Books',
    popularity: 10,
    season: { 12: 1.5 },
    products: products(
      ['Bestselling thriller', 17],
      ['Seasonal cookbook', 29],
      ['Picture book', 14],
      ['Business strategy', 26],
      ['City travel guide', 22],
      ['Poetry collection', 16],
      ['Graphic novel', 24],
      ['History of science', 21],
    ),
  },
  {
    name: 'Toys',
    popularity: 8,
    season: { 11: 2, 12: 3 },
    products: products(
      ['Building blocks set', 49],
      ['Plush bear', 19],
      ['Jigsaw puzzle 1000 pieces', 18],
      ['Remote-control car', 59],
      ['Family board game', 35],
      ['Wooden train set', 45],
      ['Art and craft kit', 25],
      ['Science kit', 39],
    ),
  },
  {
    name: 'Grocery',
    popularity: 12,
    products: products(
      ['Single-origin coffee 1 kg', 24],
      ['Olive oil 1 l', 14],
      ['Dark chocolate box', 12],
      ['Green tea', 8],
      ['Pasta selection', 10],
      ['Granola', 7],
      ['Wildflower honey', 9],
      ['Spice set', 19],
    ),
  },
];

/** Pages of the web shop, for page views. */
export const PAGES = ['/', '/sale', '/new-in', '/account', '/stores', '/help', ...CATEGORIES.map((c) => `/c/${c.name.toLowerCase()}`)];

export const SIGNUP_SOURCES = [
  { value: 'organic_search', weight: 30 },
  { value: 'paid_search', weight: 18 },
  { value: 'social', weight: 16 },
  { value: 'referral', weight: 10 },
  { value: 'store', weight: 12 },
  { value: 'email', weight: 6 },
  { value: 'marketplace', weight: 8 },
];

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
