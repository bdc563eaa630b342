import type { ImportMapping } from '../customers.types';
import type { AttributeType } from './column-mapping';
import { isBlank, parseBoolean, parseDate, parseNumber } from './import-values';
import type { CellValue } from './import-values';

/**
 * Header spellings per target, compared after folding case, accents and everything but letters and digits
 * ("E-Mail Address" → "emailaddress"). English, German, French and Spanish, plus common exports' names.
 */
const SYNONYMS: Record<string, string[]> = {
  externalId: [
    'externalid', 'customerid', 'customerno', 'customernumber', 'customernr', 'clientid', 'clientnumber', 'contactid', 'userid',
    'memberid', 'accountid', 'id', 'crmid', 'kundennummer', 'kundennr', 'kundenid', 'idclient', 'numeroclient', 'idcliente', 'numerocliente',
  ],
  email: [
    'email', 'emailaddress', 'mail', 'mailaddress', 'emailadresse', 'mailadresse', 'courriel', 'adresseemail', 'adressemail', 'correo',
    'correoelectronico', 'primaryemail', 'emailid',
  ],
  phone: [
    'phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'telephone', 'tel', 'telefon', 'telefonnummer',
    'handy', 'handynummer', 'mobil', 'mobilnummer', 'telefono', 'movil', 'portable', 'numerodetelephone', 'msisdn',
  ],
  firstName: ['firstname', 'givenname', 'forename', 'first', 'vorname', 'prenom', 'nombre', 'fname'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'nachname', 'familienname', 'nom', 'nomdefamille', 'apellido', 'apellidos', 'lname'],
  timezone: ['timezone', 'tz', 'zeitzone', 'fuseauhoraire', 'zonahoraria'],
  locale: ['locale', 'language', 'lang', 'languagecode', 'sprache', 'langue', 'idioma'],
  country: ['country', 'countrycode', 'land', 'laendercode', 'landercode', 'pays', 'pais'],
  city: ['city', 'town', 'stadt', 'ort', 'wohnort', 'ville', 'ciudad'],
  tags: ['tags', 'tag', 'labels', 'label', 'schlagworte', 'etiquettes', 'etiquetas'],
  'consent.email': ['emailconsent', 'emailoptin', 'newsletter', 'newsletteroptin', 'acceptsemailmarketing', 'acceptsmarketing', 'marketingemails'],
  'consent.sms': ['smsconsent', 'smsoptin', 'acceptssmsmarketing', 'smsmarketing'],
  'consent.push': ['pushconsent', 'pushoptin', 'pushnotifications'],
};
const TARGET_BY_SPELLING = new Map(Object.entries(SYNONYMS).flatMap(([target, spellings]) => spellings.map((s) => [s, target] as const)));

const fold = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A header as an attribute name: `Loyalty Points (€)` → `loyalty_points`, `lastOrderDate` → `last_order_date`, `Größe` → `grosse`, `2FA` → `col_2fa`. */
export function attributeName(header: string): string {
  const words = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const name = /^[a-z]/.test(words) ? words : `col_${words}`;
  return name.slice(0, 64).replace(/_+$/, '') || 'column';
}

/** The type of an attribute column from its preview values: all booleans, all numbers, all dates, else text. */
export function inferAttributeType(values: CellValue[]): AttributeType {
  const given = values.filter((v) => !isBlank(v));
  if (!given.length) return 'string';
  const text = (v: CellValue) => (typeof v === 'string' ? v.trim() : '');
  // leading zeros and long digit runs are codes (zip codes, account numbers), not quantities
  const looksLikeCode = given.some((v) => /^0\d|^\d{16,}$/.test(text(v)));
  if (given.every((v) => typeof v === 'boolean' || (parseBoolean(v) !== undefined && !/^\d+$/.test(text(v))))) return 'boolean';
  if (!looksLikeCode && given.every((v) => typeof v !== 'boolean' && !(v instanceof Date) && parseNumber(v) !== undefined)) return 'number';
  if (given.every((v) => v instanceof Date || (!/^\d+$/.test(text(v)) && parseDate(v) !== undefined))) return 'date';
  return 'string';
}

/**
 * A mapping suggested from the headers (synonyms, each target once, first column first) and, for other
 * columns, `attributes.<snake_case>` with a type inferred from the preview rows.
 */
export function suggestMapping(headers: string[], previewRows: CellValue[][]): ImportMapping {
  const columns: Record<string, string | null> = {};
  const taken = new Set<string>();
  headers.forEach((header, index) => {
    const known = TARGET_BY_SPELLING.get(fold(header));
    if (known && !taken.has(known)) {
      taken.add(known);
      columns[header] = known;
      return;
    }
    let name = attributeName(header);
    for (let n = 2; taken.has(`attributes.${name}`); n++) name = `${attributeName(header).slice(0, 60)}_${n}`;
    taken.add(`attributes.${name}`);
    const type = inferAttributeType(previewRows.map((row) => row[index] ?? null));
    columns[header] = type === 'string' ? `attributes.${name}` : `attributes.${name}:${type}`;
  });
  return { columns };
}

/** A saved mapping fits a file when it names exactly the file's columns (in any order). */
export function mappingFits(mapping: ImportMapping, headers: string[]): boolean {
  const keys = Object.keys(mapping.columns);
  return keys.length === headers.length && headers.every((h) => Object.prototype.hasOwnProperty.call(mapping.columns, h));
}

/** Header names made usable as mapping keys: trimmed, blanks named `Column <n>`, repeats suffixed ` (2)`. */
export function headerNames(cells: CellValue[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '')).trim() || `Column ${i + 1}`;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text} (${n})`;
  });
}
